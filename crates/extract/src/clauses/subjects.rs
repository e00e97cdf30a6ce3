//! Subjects of a predicate: its own (one, with its conjuncts; a relative word resolved to the
//! noun it stands for), or those it shares with its governor (coordination, control,
//! participles).
//!
//! - A clause has one subject (and its conjuncts). Several are the parser's mistake ("since
//!   January because poor harvests … cut supplies, traders said" gave "said" four); the one
//!   nearest before the predicate is the likeliest, else the nearest after it. This also drops
//!   a title the parser made a subject beside its name ("North Korean leader | Kim Jong Un has
//!   departed").
//! - Coordinated titled names are read off the mentions: the parser often cuts them wrongly
//!   ("Kim Jong Un and Russian | President Vladimir Putin convened", with the adjective as the
//!   conjunct and Putin a list item of Kim). The nearest subject may be the pair's second
//!   name, the first an earlier subject ("Russian President Vladimir Putin and North Korean
//!   leader | Kim Jong Un met", with both names subjects of "met"). Or the first name is no
//!   subject at all ("Secretary of State Antony Blinken and Chinese Foreign Minister Wang Yi
//!   met", with "Blinken" an oblique): a pair of mentions whose second name holds the nearest
//!   subject.
//! - "that" or "which" after a person's name inside a prepositional phrase stands for the noun
//!   the phrase modifies ("a meeting with Putin that sparked concern": the meeting did).
//! - A common-noun subject set off as a named person is that person ("Its leader, Luis
//!   Montenegro, promised …").
//! - With an object, the object is who does what the infinitive says: "officials expect Kim
//!   to visit" is Kim visiting, expected (see `control`).

use super::{lemma, lower, Node, View};
use crate::doc::{Deprel, EntityType, Upos, Xpos};
use crate::statement::Argument;
use kg_nlp::gazetteer::gazetteer;
use kg_nlp::verb_classes::VerbClass;

impl View<'_> {
    /// A node whose relative word is replaced by the noun the relative clause modifies.
    pub(super) fn resolve_relative(&self, n: Node) -> Node {
        let w = lower(&self.t[n.head]);
        let is_rel = matches!(w.as_str(), "who" | "which" | "that" | "whom")
            && (self.t[n.head].upos == Upos::Pron || self.t[n.head].xpos.is_wh());
        if !is_rel {
            return n;
        }
        // Walk up to the relative clause and take its head noun.
        let mut cur = n.head;
        while let Some(h) = self.t[cur].head {
            if matches!(self.rel(cur), Deprel::AclRelcl | Deprel::AdvclRelcl) {
                return self.bare_node(self.antecedent(h, &w));
            }
            cur = h;
        }
        n
    }

    /// The node of a noun that a relative word or a participle's gap stands for, without the
    /// noun's own preposition: in "fairly safe for the National Party, which held it", the
    /// party held it, not "for the National Party".
    pub(super) fn bare_node(&self, h: usize) -> Node {
        let mut n = self.node(h);
        let prep = self.preposition(h);
        n.tokens.retain(|i| !prep.contains(i));
        n
    }

    /// The noun a relative clause with relative word `w` modifies, given the one the parser
    /// attached it to. "which" never stands for a person, and "that" hardly ever for a person's
    /// name, which needs no restricting: in "a meeting with President Putin that sparked
    /// concern" the meeting sparked it. Such a name inside a prepositional phrase gives way to the
    /// noun the phrase modifies; so does a place name before "who".
    pub(super) fn antecedent(&self, h: usize, w: &str) -> usize {
        let person_name = self.entity_kind(h) == Some(EntityType::Person)
            || (self.t[h].upos == Upos::Propn && w == "which");
        // Nor does "who" stand for a place: "a buyer in Thailand who is believed to …".
        let place_for_who = w == "who" && self.entity_kind(h) == Some(EntityType::Place);
        if !(matches!(w, "which" | "that") && person_name || place_for_who) {
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
            self.rel(h).base() == Deprel::Nmod && self.kids(h, Deprel::Case).next().is_some()
        };
        if through_preposition && self.t[g].upos == Upos::Noun {
            g
        } else {
            h
        }
    }

    /// The main subjects of a predicate, coordination expanded; relative words resolved.
    pub(super) fn own_subjects(&self, p: usize) -> Vec<Node> {
        let mut out = Vec::new();
        let mut kept = Vec::new();
        let is_subject = |c: usize| self.rel(c).is_subject();
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
        // A time is no subject beside another ("The court on | Thursday dismissed …").
        if kept.iter().any(|&c| !self.is_time(c)) {
            kept.retain(|&c| !self.is_time(c));
        }
        // One subject: the nearest (see the module documentation).
        let nearest = kept
            .iter()
            .copied()
            .filter(|&c| c < p)
            .max()
            .or_else(|| kept.iter().copied().min());
        if let Some(c) = nearest {
            // A titled pair at the nearest subject, or ending there (see the module
            // documentation).
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
                        if self.kids(x, Deprel::Case).next().is_some() {
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
    pub(super) fn appositive_name(&self, x: usize) -> Option<usize> {
        if self.t[x].upos != Upos::Noun {
            return None;
        }
        let named = |h: usize| {
            self.kids(h, Deprel::Appos).find(|&a| {
                self.t[a].upos == Upos::Propn
                    && self.entity_kind(a) == Some(EntityType::Person)
                    && self.set_off_or_adjacent(h, a)
            })
        };
        named(x).or_else(|| {
            if !self.person_noun(x) {
                return None;
            }
            self.kids(x, Deprel::Nmod)
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
    pub(super) fn object_name(&self, x: usize) -> Option<usize> {
        self.person_noun(x)
            .then(|| self.appositive_name(x))
            .flatten()
    }

    /// Whether a common noun names a person: a title or a WordNet person noun ("head" too,
    /// a body part first in WordNet).
    pub(super) fn person_noun(&self, h: usize) -> bool {
        gazetteer().is_title(&self.t[h].form)
            || gazetteer().is_person_noun(&self.t[h].lemma.to_lowercase())
            || lower(&self.t[h]) == "head"
    }

    /// Subjects of a predicate: its own, or those it shares with its governor.
    pub(super) fn subjects(&self, p: usize, depth: usize) -> (Vec<Node>, bool) {
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
        match r.base() {
            // Object control: in "officials expect Kim to travel", the one who travels is the
            // governor's object (UD: an xcomp's subject is the governor's obj when it has one).
            // (The parser often makes that infinitive an adverbial clause after a verb of making
            // or asking someone do something: "forcing thousands of residents | to flee". After
            // other verbs it is a purpose, whose subject is the governor's: "killed him to have
            // her for herself".)
            Deprel::Xcomp | Deprel::Advcl
                if !self.controllers(h).is_empty()
                    && (r.base() == Deprel::Xcomp
                        || (self.t[p].xpos == Xpos::Vb
                            && VerbClass::ObjectControl.contains(&lemma(&self.t[h]))
                            && self
                                .kids(p, Deprel::Mark)
                                .any(|m| lower(&self.t[m]) == "to"))) =>
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
            Deprel::Acl if self.controlled_infinitive_on_object(p) => (vec![self.node(h)], true),
            // "arrested the fishermen for using illegal nets": the one arrested used them.
            Deprel::Advcl if self.gerund_of_the_object(p).is_some() => {
                let who = self.gerund_of_the_object(p).unwrap_or_default();
                (who.into_iter().map(|o| self.node(o)).collect(), true)
            }
            Deprel::Conj | Deprel::Xcomp => (self.subjects(h, depth + 1).0, true),
            Deprel::Advcl if self.t[p].xpos == Xpos::Vbg || self.t[p].xpos == Xpos::Vb => {
                (self.subjects(h, depth + 1).0, true)
            }
            Deprel::Acl if r != Deprel::AclRelcl => {
                // "high hopes of expanding and attracting converts", "no intention of selling":
                // a gerund a preposition marks completes the noun; the noun does not do it (and
                // who does, and whether, the noun's clause decides: no subject).
                let completes = self.children[p].iter().any(|&c| {
                    c < p
                        && matches!(self.rel(c), Deprel::Mark | Deprel::Case)
                        && self.t[c].xpos == Xpos::In
                });
                if self.t[p].xpos == Xpos::Vbg && completes {
                    (Vec::new(), true)
                } else if self.t[p].xpos == Xpos::Vbg {
                    (vec![self.bare_node(h)], true)
                } else if let Some(who) = self.first_to_do(p, h) {
                    (vec![self.node(who)], true)
                } else {
                    (Vec::new(), true)
                }
            }
            _ => (own, false),
        }
    }

    /// "Quispe will be the first woman to govern the region": who is the first, the only or the
    /// last to do something does it. The infinitive `p` on the predicate noun `h` of a copula
    /// with such a word: the copula's subject.
    pub(super) fn first_to_do(&self, p: usize, h: usize) -> Option<usize> {
        let to = self
            .kids(p, Deprel::Mark)
            .any(|m| lower(&self.t[m]) == "to");
        let ranked = self.children[h].iter().any(|&c| {
            matches!(self.rel(c).base(), Deprel::Amod | Deprel::Nummod)
                && matches!(
                    lower(&self.t[c]).as_str(),
                    "first" | "last" | "only" | "second" | "third" | "next" | "latest"
                )
        });
        if !(to && ranked && self.kids(h, Deprel::Cop).next().is_some()) {
            return None;
        }
        self.children[h]
            .iter()
            .copied()
            .find(|&c| self.rel(c).base() == Deprel::Nsubj)
    }

    /// "X and Y" read off the entity mentions rather than the tree, which often misparses
    /// coordinated titled names ("Russian President Vladimir Putin and North Korean leader Kim
    /// Jong Un"): a person or organisation mention at `i`, then "and", then only titles and
    /// name modifiers up to a second mention of the same kind.
    pub(super) fn named_pair_at(&self, i: usize) -> Option<[Node; 2]> {
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

    /// The last pair of coordinated named people or organisations of this sentence.
    pub(super) fn coordinated_pair(&self) -> Option<[Argument; 2]> {
        let mut found = None;
        for i in 0..self.t.len() {
            if let Some([a, b]) = self.named_pair_at(i) {
                found = Some([self.argument(&a), self.argument(&b)]);
            }
        }
        found
    }
}
