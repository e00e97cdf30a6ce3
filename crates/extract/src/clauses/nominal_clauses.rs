//! Clauses without a verb: appositions and their roles ("Lim, South Korea's Foreign Ministry
//! spokesperson" → Lim `spokesperson of` Foreign Ministry), possessives read as `has` (surface
//! only), meeting nouns ("talks between X and Y" → X meet Y), and what a thing is worth ("a deal
//! worth $85 million" → deal `be worth` $85 million).
//!
//! An apposition counts only as written (set off by punctuation, or a common noun right before
//! its name), belongs to the noun right before its comma when a name is involved ("the parade
//! in the capital, Pyongyang,"), never equates two names, and a title describes only a name.

use super::{lower, Clause, Node, Origin, Qual, View};
use crate::doc::{Deprel, EntityType, QuantityKind, Upos, Xpos};
use crate::names;
use crate::statement::{Argument, ArgumentKind, Modality, Role};
use kg_nlp::gazetteer::gazetteer;

/// Words before a role noun that make it another office: a former minister is not the minister.
const ROLE_QUALIFIERS: &[&str] = &[
    "former",
    "acting",
    "deputy",
    "interim",
    "outgoing",
    "incoming",
    "vice",
    "assistant",
];

/// Event nouns that take "between X and Y": "talks between X and Y" means X met Y.
const MEETING_NOUNS: &[&str] = &["meeting", "talk", "talks", "summit", "encounter"];

impl Clause {
    /// A clause without a verb: `subjects` `lemma` `objects`, asserted, unattributed, for the
    /// graph; the readings below set what differs.
    fn nominal(
        origin: Origin,
        pred: usize,
        subjects: Vec<Node>,
        lemma: &str,
        objects: Vec<Node>,
    ) -> Clause {
        Clause {
            origin,
            pred,
            subjects,
            subject_inherited: false,
            rel: Vec::new(),
            rel_synthetic: None,
            lemma: lemma.into(),
            objects,
            clausal_object: false,
            quals: Vec::new(),
            agent: None,
            passive: false,
            negated: false,
            modality: Modality::Asserted,
            attribution: None,
            in_graph: true,
            symmetric: false,
        }
    }
}

impl View<'_> {
    /// Appositions: "Lim Soo-suk, South Korea's Foreign Ministry spokesperson" states a role.
    pub(super) fn apposition(&self, a: usize) -> Option<Clause> {
        let h = self.t[a].head?;
        if !matches!(self.t[h].upos, Upos::Noun | Upos::Propn | Upos::Pron) {
            return None;
        }
        if !self.set_off_or_adjacent(h, a) {
            return None;
        }
        // "Cabinet Premier Kim Tok Hun" parsed as "Cabinet" with the titled name in apposition:
        // the title before the name is the role, with the noun before it (the roles step reads
        // "cabinet premier"), not "Cabinet" alone.
        if a == h + 1 && gazetteer().is_title(&self.t[a].form) {
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
        // (The role's words without the apposition: "Riachuelo's president, Hugo Benítez" is
        // no name because the parser put the name inside the president's phrase.)
        let mut role_words = self.node(role);
        if role == h {
            role_words.tokens.retain(|&i| !self.dominates(a, i));
        }
        let role_named = matches!(self.argument(&role_words).kind, ArgumentKind::Entity(_));
        if self.entity_kind(subject).is_some() && role_named {
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
            rel_synthetic: Some("is"),
            ..Clause::nominal(
                Origin::Apposition,
                a,
                vec![subject_node],
                "be",
                vec![role_node.clone()],
            )
        };
        if self.t[role].upos == Upos::Noun {
            if let Some(org) = self.role_organisation(role) {
                let person = self.entity_kind(subject) == Some(EntityType::Person);
                // A place's capital is a role of a place: "Pemba, the capital of Cabo Delgado".
                let capital = lower(&self.t[role]) == "capital"
                    && self.entity_kind(subject) == Some(EntityType::Place);
                // A title makes a role of a name the recogniser missed too.
                if person || (title && named) || capital {
                    // ("a veterinarian at the Lamboara sanctuary" is one at it.)
                    let at = self.t[org.head].head == Some(role)
                        && self.prep_text(&self.preposition(org.head)) == "at";
                    let prep = if at { "at" } else { "of" };
                    clause.lemma = format!("{} {prep}", self.role_noun(role));
                    let mut org = org;
                    // "his lawyer", "a spokeswoman for the cooperative": the words stay the
                    // role's, the graph's object is "his" or the cooperative.
                    let other_preposition = self.t[org.head].head == Some(role)
                        && matches!(
                            self.prep_text(&self.preposition(org.head)).as_str(),
                            "for" | "at"
                        );
                    if self.t[org.head].xpos == Xpos::PrpDollar || other_preposition {
                        org.tokens = role_node.tokens.clone();
                    }
                    clause.graph_only_object(org);
                }
            }
        }
        // (No source: what an apposition says is the writer's, also inside a report.)
        Some(clause)
    }

    /// The noun an apposition set off after `h`'s phrase belongs to: the one right before its
    /// comma, which the parser sometimes attaches higher up: in "the parade in the capital,
    /// Pyongyang," Pyongyang is the capital, not the parade; in "Kazakhstan's foreign
    /// minister, Dauren Abenov, and his Uzbek counterpart, Nodira Rakhimova," she is the
    /// counterpart, not the minister.
    pub(super) fn nearest_noun_before(&self, h: usize, a: usize) -> usize {
        let start = self.words_start(a);
        if a < h || start < 2 || self.t[start - 1].form != "," {
            return h;
        }
        let mut k = start - 2;
        while self.rel(k).is_compound_or_flat() {
            match self.t[k].head {
                Some(x) if x < start && self.dominates(h, x) => k = x,
                _ => break,
            }
        }
        // Only a noun inside `h`'s own noun phrase ("the parade in the capital"), or a common
        // noun coordinated with it ("the minister, X, and his counterpart, Y"), not one in a
        // clause hanging on it ("a penchant for travelling by train, a tradition …").
        let mut x = k;
        while x != h {
            match self.t[x].head {
                Some(up)
                    if matches!(
                        self.rel(x).base(),
                        Deprel::Nmod | Deprel::Compound | Deprel::Flat
                    ) || (self.rel(x).base() == Deprel::Conj
                        && self.t[k].upos == Upos::Noun) =>
                {
                    x = up
                }
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
    pub(super) fn set_off_or_adjacent(&self, h: usize, a: usize) -> bool {
        let (first, second) = if h < a { (h, a) } else { (a, h) };
        let start = self.words_start(second);
        let adjacent = self.t[first].upos == Upos::Noun
            && self.t[second].upos == Upos::Propn
            && (first + 1..start)
                .all(|i| self.dominates(first, i) && self.rel(i).is_compound_or_flat());
        let set_off = start > 0
            && matches!(
                self.t[start - 1].form.as_str(),
                "," | "-" | "--" | "–" | "—" | "(" | ":"
            );
        set_off || adjacent
    }

    /// The organisation or country a role noun belongs to: "Foreign Ministry spokesperson",
    /// "South Korea's spokesperson", "spokesperson of (or for, or at) the ministry".
    fn role_organisation(&self, role: usize) -> Option<Node> {
        // A proper-noun compound right before the role noun, named by NER.
        let compound = self
            .kids(role, Deprel::Compound)
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
        if let Some(p) = self.kids(role, Deprel::NmodPoss).next() {
            // ("Last year's winner" is no winner of last year.)
            if self.is_time(p) {
                return None;
            }
            if self.t[p].upos != Upos::Pron {
                let mut n = self.node(p);
                n.tokens.retain(|&i| self.t[i].xpos != Xpos::Pos);
                return Some(n);
            }
            // "his lawyer, Beatriz Fontoura": the lawyer of whom "his" stands for, which
            // coreference finds (or the statement is no fact).
            if matches!(lower(&self.t[p]).as_str(), "his" | "her") {
                return Some(self.node(p));
            }
            // "Boeing said its chief executive, Dave Calhoun, …": "its" is the one
            // organisation named before it in the sentence.
            if lower(&self.t[p]) == "its" {
                // (One organisation, however often named: "The Indian Space Research
                // Organisation (ISRO) congratulated the company, and its chairman, …".)
                let mut orgs: Vec<&crate::doc::Mention> = self
                    .sentence
                    .mentions
                    .iter()
                    .filter(|m| m.kind == EntityType::Organization && m.end <= p)
                    .collect();
                let name = |m: &crate::doc::Mention| {
                    m.refers_to
                        .clone()
                        .unwrap_or_else(|| self.words(&(m.start..m.end).collect::<Vec<_>>()))
                };
                let same = |a: &str, b: &str| {
                    names::key(a) == names::key(b)
                        || (names::is_acronym(b)
                            && names::acronym(a).is_some_and(|x| x == names::acronym_key(b)))
                };
                orgs.dedup_by(|b, a| same(&name(a), &name(b)));
                if let [m] = orgs[..] {
                    let mut n = self.node(m.end - 1);
                    n.tokens.retain(|&i| m.start <= i && i < m.end);
                    return Some(n);
                }
            }
        }
        // "spokesperson of the ministry", "a spokeswoman for the cooperative", "a veterinarian
        // at the sanctuary".
        let of = self.kids(role, Deprel::Nmod).find(|&c| {
            matches!(
                self.prep_text(&self.preposition(c)).as_str(),
                "of" | "for" | "at"
            )
        })?;
        let prep = self.preposition(of);
        // "chairman of the mining company Cerro Blanco": the company named right after its
        // description is the organisation.
        let (_, end) = self.minimal_range(of);
        let named = self.sentence.mentions.iter().find(|m| {
            m.start == end
                && self.t[of].upos == Upos::Noun
                && matches!(m.kind, EntityType::Organization | EntityType::Person)
                && !gazetteer().is_person_name(&self.t[m.start].form)
        });
        if let Some(m) = named {
            return Some(Node::of_mention(m));
        }
        let mut n = self.node(of);
        n.tokens.retain(|i| !prep.contains(i));
        Some(n)
    }

    /// The role noun in lower case, with common-noun compounds ("foreign minister") and the
    /// words that make it another office ("former chief executive").
    fn role_noun(&self, role: usize) -> String {
        let mut words = vec![role];
        let mut j = role;
        let mut past_name = false;
        while j > 0 {
            j -= 1;
            if self.t[j].head != Some(role)
                || !matches!(self.rel(j), Deprel::Compound | Deprel::Amod)
            {
                break;
            }
            // A qualifier of the office itself stays with it: "former chief executive",
            // "acting president", "deputy governor" are other roles than the bare noun; the
            // organisation's name between them is the object ("a former Ericsson executive").
            // (Past the name only a qualifier: "The Shi'a praise Muhammad ibn …" has no
            // role "praise ibn".)
            let qualifier = ROLE_QUALIFIERS.contains(&lower(&self.t[j]).as_str());
            if qualifier || (self.t[j].upos == Upos::Noun && !past_name) {
                words.push(j);
            } else if self.t[j].upos == Upos::Propn {
                past_name = true;
            } else {
                break;
            }
        }
        words
            .iter()
            .rev()
            .map(|&i| lower(&self.t[i]))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Possessives as `has` (surface only): "the University's School of Medicine".
    pub(super) fn possessive(&self, n: usize) -> Option<Clause> {
        let p = self.kids(n, Deprel::NmodPoss).next()?;
        if self.t[p].upos == Upos::Pron || !matches!(self.t[n].upos, Upos::Noun | Upos::Propn) {
            return None;
        }
        let mut owner = self.node(p);
        owner.tokens.retain(|&i| self.t[i].xpos != Xpos::Pos);
        let mut thing = self.node(n);
        let prep = self.preposition(n);
        thing
            .tokens
            .retain(|&i| !self.dominates(p, i) && !prep.contains(&i));
        Some(Clause {
            rel_synthetic: Some("has"),
            in_graph: false,
            ..Clause::nominal(Origin::Possessive, n, vec![owner], "have", vec![thing])
        })
    }

    /// "a deal worth $85 million", "in a deal worth about $1.2 billion": the deal is worth the
    /// amount, whatever the parser made of "worth" (a modifier, a clause of its own). The noun
    /// right before "worth" and a sum of money right after it, possibly approximate.
    pub(super) fn worth(&self, n: usize) -> Option<Clause> {
        let w = n + 1;
        if self.t.get(w).is_none_or(|t| lower(t) != "worth") || !self.t[n].xpos.is_noun() {
            return None;
        }
        let q = self.sentence.quantities.iter().find(|q| {
            q.kind == QuantityKind::Money
                && (q.start == w + 1 || (q.start == w + 2 && self.t[w + 1].xpos == Xpos::Rb))
        })?;
        let amount = Node {
            head: q.end - 1,
            tokens: (q.start.min(w + 1)..q.end).collect(),
            resolved: None,
            written: None,
        };
        let mut thing = self.bare_node(n);
        thing.tokens.retain(|&i| i <= n);
        Some(Clause {
            rel: vec![w],
            rel_synthetic: Some("is"),
            ..Clause::nominal(Origin::Apposition, w, vec![thing], "be worth", vec![amount])
        })
    }

    /// "talks between X and Y at Z", "the meeting of the two leaders": X meet Y.
    pub(super) fn nominal_event(
        &self,
        n: usize,
        last_pair: &Option<[Argument; 2]>,
    ) -> Option<Clause> {
        if !MEETING_NOUNS.contains(&lower(&self.t[n]).as_str()) {
            return None;
        }
        let mut participants: Vec<Node> = Vec::new();
        let mut quals = Vec::new();
        // Prepositional phrases of the noun, and those the parser hung on one of them ("the
        // summit on Wednesday between X and Y").
        let mut pps: Vec<usize> = self.kids_base(n, Deprel::Nmod).collect();
        for c in pps.clone() {
            pps.extend(self.kids_base(c, Deprel::Nmod));
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
                let role = self.role(&ptext, c);
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
            rel: vec![n],
            quals,
            attribution: self.attribution(self.t[n].head.unwrap_or(n)),
            ..Clause::nominal(Origin::NominalEvent, n, participants, "meet", vec![second])
        })
    }

    /// "the two leaders", "both men": the last pair of coordinated people named before.
    fn pair_of(&self, n: usize, last_pair: &Option<[Argument; 2]>) -> Option<[Argument; 2]> {
        if self.t[n].xpos != Xpos::Nns {
            return None;
        }
        let two = self.children[n].iter().any(|&c| {
            matches!(lower(&self.t[c]).as_str(), "two" | "both")
                && matches!(self.rel(c).base(), Deprel::Nummod | Deprel::Det)
        });
        if two {
            last_pair.clone()
        } else {
            None
        }
    }
}
