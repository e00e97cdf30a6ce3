//! Who says so: the source of a reported clause (`X said that P`, `P, X said`, `according to X`),
//! a denial reported by "deny", and the pronoun subject of a reported clause that stands for its
//! source ("the ministry said it had …"). Verbs of finding ("the judge ruled that …") report too.
//!
//! That pronoun is "it" for a group or thing, "they" for a plural ("police said they arrested
//! …"); WordNet's person nouns (`data/gazetteer/agent_nouns.txt`) are no "it", and an addressee
//! who could be meant ("warned the Taliban that they …") leaves it open.

use super::{lemma, lower, Node, View};
use crate::doc::{Deprel, EntityType, Upos, Xpos};
use crate::statement::ArgumentKind;
use kg_nlp::gazetteer::gazetteer;

/// Verbs that report speech or belief: their subject is the source of their clausal complement.
pub(super) const SAYING: &[&str] = &[
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
pub(super) fn reports(lemma: &str) -> bool {
    SAYING.contains(&lemma) || FINDING.contains(&lemma)
}

impl View<'_> {
    /// The source of what a predicate says: the subject of a saying verb it is the complement
    /// of, or of a saying verb in parenthesis ("P, X said"), or "according to X".
    pub(super) fn attribution(&self, p: usize) -> Option<Node> {
        self.reported_by(p).map(|(source, _)| source)
    }

    /// Whether the pronoun `subject` of a reported clause stands for the clause's `source`:
    /// "it" for a group or a thing that speaks ("the ministry", "Tass", not "the spokesman" or
    /// a person), "they" for a plural ("officials", "police"). Not in a copular clause, where
    /// "it" is often empty ("it is too early to say", "it seems") and "they" someone described
    /// ("reviewers said they were pushy": the staff).
    /// Only in the clause the verb reports, not one inside it ("analysts said the move would
    /// lift the value more than they did combined").
    pub(super) fn pronoun_is_source(&self, p: usize, subject: &Node, source: &Node) -> bool {
        let [i] = subject.tokens[..] else {
            return false;
        };
        let mut q = p;
        while self.rel(q) == Deprel::Conj {
            match self.t[q].head {
                Some(h) => q = h,
                None => break,
            }
        }
        let saying = |v: &usize| reports(&lemma(&self.t[*v]));
        let verb = self.t[q]
            .head
            .filter(|h| {
                matches!(self.rel(q).base(), Deprel::Ccomp | Deprel::Parataxis) && saying(h)
            })
            .or_else(|| self.kids_base(q, Deprel::Parataxis).find(saying));
        let Some(verb) = verb else {
            return false;
        };
        if subject.resolved.is_some() || subject.written.is_some() {
            return false;
        }
        let pronoun = lower(&self.t[i]);
        let empty = self.rel(i).is_a(Deprel::Expl)
            || self.t[i].head.is_some_and(|v| {
                self.kids(v, Deprel::Cop).next().is_some()
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
                self.rel(o).is_object()
                    && if plural {
                        self.t[o].upos != Upos::Pron
                    } else {
                        matches!(self.t[o].xpos, Xpos::Nn | Xpos::Nnp)
                            && self.entity_kind(o) != Some(EntityType::Person)
                            && !gazetteer().is_person_noun(&self.t[o].lemma.to_lowercase())
                    }
            })
        };
        match pronoun.as_str() {
            "it" if !empty && !addressee(false) => match kind {
                Some(k) => k != EntityType::Person,
                None => noun.xpos == Xpos::Nn && !self.person_noun(h),
            },
            "they" if !empty && !addressee(true) => {
                kind.is_none()
                    && (noun.xpos == Xpos::Nns
                        || (noun.xpos == Xpos::Nn && lemma_lower == "police"))
            }
            _ => false,
        }
    }

    /// Whether the clause of `p` is reported by a verb of denial: "The Kremlin denied that
    /// troops had shelled the hospital" asserts, on the Kremlin's word, that they had not.
    pub(super) fn denied(&self, p: usize) -> bool {
        self.reported_by(p)
            .is_some_and(|(_, verb)| lemma(&self.t[verb]) == "deny")
    }

    /// Whether the saying verb `v`, read as a complement of the clause before it, is the
    /// parenthetical "…, prosecutors said" that reports that clause: it follows its head after a
    /// comma, has its own subject (someone, not "this" or "it") and reports nothing else.
    pub(super) fn said_after(&self, v: usize) -> bool {
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
            && self.kids_base(v, Deprel::Ccomp).next().is_none()
            && self.kids_base(v, Deprel::Obj).next().is_none()
    }

    /// The source of a reported clause and the verb that reports it.
    pub(super) fn reported_by(&self, p: usize) -> Option<(Node, usize)> {
        let mut cur = p;
        let mut steps = 0;
        loop {
            // "P, X said": a parenthetical saying verb attached to the clause (as parataxis,
            // or as a complement or modifier the parser turned round).
            let turned = self.children[cur].iter().copied().filter(|&c| {
                matches!(
                    self.rel(c).base(),
                    Deprel::Ccomp | Deprel::Advcl | Deprel::Acl | Deprel::Dep
                ) && self.said_after(c)
            });
            let parenthetical = self.kids_base(cur, Deprel::Parataxis).chain(turned);
            for c in parenthetical {
                if reports(&lemma(&self.t[c])) && c != p {
                    if let Some(s) = self.own_subjects(c).into_iter().next() {
                        return Some((s, c));
                    }
                }
            }
            let h = self.t[cur].head?;
            if self.rel(cur).base() == Deprel::Ccomp && reports(&lemma(&self.t[h])) {
                return self.own_subjects(h).into_iter().next().map(|s| (s, h));
            }
            // "X said P" where P was attached as parataxis of the saying verb.
            if self.rel(cur).base() == Deprel::Parataxis && reports(&lemma(&self.t[h])) && cur == p
            {
                return self.own_subjects(h).into_iter().next().map(|s| (s, h));
            }
            cur = h;
            steps += 1;
            if steps > 20 {
                return None;
            }
        }
    }
}
