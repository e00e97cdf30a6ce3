//! Prepositional arguments of a predicate: their prepositions (complex ones too: "ahead of", "in
//! exchange for"), their roles (time, place, means, recipient, topic), the agent of a passive and
//! "according to" apart, and the place or time "where"/"when" stands for. An adverb that opens a
//! complex preposition joins it ("ahead of", "instead of"), and a preposition built on a noun
//! takes the phrase after it ("in exchange for | 183 prisoners", "in response to | the attack").

use super::{lower, Node, Qual, View};
use crate::doc::{Deprel, EntityType, Upos, Xpos};
use crate::statement::Role;
use kg_nlp::gazetteer::gazetteer;

/// Common nouns that classify a place named after "of": "the city of Odesa", "the island of
/// Java", "the province of Hubei". ("capital" is not one: the capital of France is not France.)
pub(super) const PLACE_CLASS_NOUNS: &[&str] = &[
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

/// Nouns that name a moment, a measure or a price, never a place, after "at" ("at a time
/// when", "at a rate of", "at the cost of").
const NOT_PLACES: &[&str] = &[
    "time",
    "moment",
    "point",
    "stage",
    "age",
    "period",
    "hour",
    "minute",
    "pace",
    "rate",
    "speed",
    "level",
    "price",
    "cost",
    "expense",
    "risk",
    "end",
    "start",
    "beginning",
    "height",
    "peak",
];

impl View<'_> {
    /// The preposition tokens of an oblique or nominal modifier: its `case` child with any
    /// `fixed` words ("according to", "because of").
    pub(super) fn preposition(&self, n: usize) -> Vec<usize> {
        let mut out = Vec::new();
        for c in self.kids(n, Deprel::Case) {
            if self.t[c].xpos == Xpos::Pos {
                continue;
            }
            out.push(c);
            out.extend(self.kids(c, Deprel::Fixed));
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

    pub(super) fn prep_text(&self, prep: &[usize]) -> String {
        prep.iter()
            .map(|&i| lower(&self.t[i]))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The role of a prepositional argument.
    pub(super) fn role(&self, prep: &str, head: usize) -> Role {
        if self.is_time(head) {
            // A stretch of time says how long, not when: "negotiated over two years", "will
            // open 40 branches over the next two years", and "in four years" on a past event is
            // the gap before it ("their first summit in four years"). The preposition says
            // which.
            let duration = self.sentence.timexes.iter().any(|x| {
                x.start <= head
                    && head < x.end
                    && x.value.as_deref().is_some_and(|v| v.starts_with('P'))
            });
            return if duration { Role::Other } else { Role::Time };
        }
        let kind = self.entity_kind(head);
        let noun = matches!(self.t[head].upos, Upos::Noun | Upos::Propn);
        match prep {
            "during" | "since" | "until" | "till" | "throughout" => Role::Time,
            // "raised rates by a quarter of a point", "fell by 5 percent": how much, not how;
            // "held rates at 5.25 percent": a level, not a place.
            "by" | "at" if self.is_amount(head) => Role::Other,
            // (Not a moment or a measure: "at a time when prices fell", "at a rate of 5
            // percent", "at the cost of jobs".)
            "at" if NOT_PLACES.contains(&self.t[head].lemma.to_lowercase().as_str()) => Role::Other,
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
            "in" | "into" | "around" | "from" | "to" | "towards" | "toward" | "out of"
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
    pub(super) fn obliques(
        &self,
        p: usize,
        passive: bool,
    ) -> (Vec<Qual>, Option<Node>, Option<Node>) {
        let mut quals = Vec::new();
        let mut agent = None;
        let mut according = None;
        for c in self.children[p].iter().copied() {
            let r = self.rel(c);
            if r.base() != Deprel::Obl {
                continue;
            }
            let prep = self.preposition(c);
            let ptext = self.prep_text(&prep);
            if ptext == "according to" {
                according = Some(self.according_source(c));
                continue;
            }
            if r == Deprel::OblAgent || (passive && ptext == "by" && agent.is_none()) {
                // The doer without its "by": "adopted by Bill Dimovski" is Bill Dimovski's act.
                let mut node = self.node(c);
                node.tokens.retain(|i| !prep.contains(i));
                agent = Some(node);
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
                        role: self.role(&wide_text, inner),
                        prep: wide,
                        node,
                    });
                    continue;
                }
                let mut node = self.node(x);
                node.tokens.retain(|i| !prep.contains(i));
                quals.push(Qual {
                    role: self.role(&ptext, x),
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
        let inner = self.kids(x, Deprel::Nmod).find(|&y| {
            y > x
                && self.kids(y, Deprel::Case).next().is_some_and(|c| {
                    matches!(lower(&self.t[c]).as_str(), "of" | "for" | "to" | "with")
                })
        })?;
        // Only the preposition, an article and the noun before the inner phrase's own case.
        let case = self.kids(inner, Deprel::Case).next()?;
        let words: Vec<usize> = (first..=case).collect();
        let plain = words.iter().all(|&i| {
            i == x
                || i == case
                || prep.contains(&i)
                || (self.t[i].upos == Upos::Det && self.t[i].head == Some(x))
        });
        plain.then_some((inner, words))
    }

    /// The place or time that a relative "where" or "when" opening the clause of `p` stands
    /// for: the phrase right before it, when that is a place or a time ("to Berlin, where …",
    /// "in 2019, when …"), whether the parser made the clause a relative or an adverbial one.
    pub(super) fn where_or_when(&self, p: usize) -> Option<Qual> {
        let w = self.children[p].iter().copied().find(|&c| {
            self.t[c].xpos == Xpos::Wrb && matches!(lower(&self.t[c]).as_str(), "where" | "when")
        })?;
        // The word before it, past a comma, and the name or phrase it ends.
        let mut k = w.checked_sub(1)?;
        if self.t[k].upos == Upos::Punct {
            k = k.checked_sub(1)?;
        }
        let relative = self.rel(p) == Deprel::AclRelcl;
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
}
