//! Control: who does what an infinitive or a gerund says when it is not the verb's subject —
//! the object of "urged Congress to approve" or "forced residents to flee", the accused of
//! "accused Russia of blowing up the dam".

use super::{lemma, lower, View};
use crate::doc::{Deprel, EntityType, Xpos};
use kg_nlp::verb_classes::VerbClass;

impl View<'_> {
    /// The verb that accuses someone of the gerund `i` ("accused Russia | of blowing up the
    /// dam"), and who is accused: the accusing verb's object (or its passive subject), also when
    /// the parser hung the gerund on the object.
    pub(super) fn accused_act(&self, i: usize) -> Option<(usize, Vec<usize>)> {
        let t = &self.t[i];
        if t.xpos != Xpos::Vbg
            || !self
                .kids(i, Deprel::Mark)
                .any(|m| matches!(lower(&self.t[m]).as_str(), "of" | "for" | "with"))
        {
            return None;
        }
        let h = t.head?;
        let accusing = |v: usize| VerbClass::Accusing.contains(&lemma(&self.t[v]));
        match t.deprel.base() {
            Deprel::Acl => {
                let g = self.t[h].head?;
                (accusing(g) && self.rel(h).is_object()).then(|| (g, vec![h]))
            }
            Deprel::Advcl if accusing(h) => {
                let mut who = self.controllers(h);
                if who.is_empty() {
                    who = self.children[h]
                        .iter()
                        .copied()
                        .filter(|&c| self.rel(c) == Deprel::NsubjPass)
                        .collect();
                }
                // "17 people suspected of running call centres": the people the participle
                // describes.
                if who.is_empty() && self.rel(h) == Deprel::Acl {
                    who.extend(self.t[h].head);
                }
                (!who.is_empty()).then_some((h, who))
            }
            _ => None,
        }
    }

    /// Who does what a gerund after "for" says when the verb it hangs on has a person or an
    /// organisation as its object: the one arrested, fined or praised ("arrested the fishermen
    /// for using illegal nets", "fined Apple for breaking …"); not a thing paid or received
    /// ("paid $5 million for using the patent"), nor after a passive, whose subject it is.
    pub(super) fn gerund_of_the_object(&self, i: usize) -> Option<Vec<usize>> {
        let h = self.t[i].head?;
        let for_ = self.children[i].iter().any(|&m| {
            m < i
                && matches!(self.rel(m).base(), Deprel::Mark | Deprel::Case)
                && lower(&self.t[m]) == "for"
        });
        if self.t[i].xpos != Xpos::Vbg || self.rel(i).base() != Deprel::Advcl || !for_ {
            return None;
        }
        if self.children[h]
            .iter()
            .any(|&c| self.rel(c).marks_passive())
        {
            return None;
        }
        let o = self.kids_base(h, Deprel::Obj).find(|&o| o < i)?;
        self.someone(o).then(|| self.conjuncts(o))
    }

    /// Whether a noun phrase names someone who can act: a personal pronoun, a person noun, a
    /// person or an organisation.
    fn someone(&self, o: usize) -> bool {
        self.t[o].xpos == Xpos::Prp
            || self.person_noun(o)
            || matches!(
                self.entity_kind(o),
                Some(EntityType::Person | EntityType::Organization)
            )
    }

    /// Whether verb `v` makes its object do what its infinitive says, and has that object:
    /// "urged Congress to approve", "ordered Meta to pay" (not the verbs of expecting or
    /// planning, which fold into a modality).
    /// Any other verb with someone as its direct object and a to-infinitive complement is one
    /// too (not a time or a thing the parser took for the object: "sortied 11 February to
    /// protect carriers"): in UD
    /// an `xcomp`'s subject is the governor's object ("hired consultants to review its
    /// accounts": the consultants review). Folded into the relation, the object would be lost
    /// ("hire to review (accounts)"). Not "promise", whose subject acts.
    pub(super) fn object_controlled(&self, v: usize) -> bool {
        let l = lemma(&self.t[v]);
        if VerbClass::ObjectControl.contains(&l) {
            return !self.controllers(v).is_empty();
        }
        let folds_into_modality = VerbClass::Expecting.contains(&l)
            || VerbClass::Planning.contains(&l)
            || VerbClass::Supposing.contains(&l)
            || VerbClass::Vouching.contains(&l);
        !folds_into_modality
            && self.kids_base(v, Deprel::Obj).any(|o| self.someone(o))
            && self.kids(v, Deprel::Xcomp).any(|x| {
                self.t[x].xpos == Xpos::Vb
                    && self
                        .kids(x, Deprel::Mark)
                        .any(|m| lower(&self.t[m]) == "to")
            })
    }

    /// An infinitive the parser hung on the object of such a verb: "urged shareholders | to
    /// reject the offer" (an acl of "shareholders").
    pub(super) fn controlled_infinitive_on_object(&self, i: usize) -> bool {
        self.t[i].xpos == Xpos::Vb
            && self
                .kids(i, Deprel::Mark)
                .any(|m| lower(&self.t[m]) == "to")
            && self.t[i].head.is_some_and(|h| {
                self.t[h].head.is_some_and(|g| {
                    VerbClass::ObjectControl.contains(&lemma(&self.t[g]))
                        && self.controllers(g).contains(&h)
                })
            })
    }

    /// Who does what the infinitive after verb `v` says: its objects ("urged shareholders to
    /// …"), else its indirect objects (the parser's reading of "urged Congress to …"), else,
    /// after "call", its "on" phrase ("called on both sides to …").
    pub(super) fn controllers(&self, v: usize) -> Vec<usize> {
        let objects: Vec<usize> = self.kids_base(v, Deprel::Obj).collect();
        if !objects.is_empty() {
            return objects;
        }
        let indirect: Vec<usize> = self.kids(v, Deprel::Iobj).collect();
        if !indirect.is_empty() {
            return indirect;
        }
        if lemma(&self.t[v]) == "call" {
            return self
                .kids_base(v, Deprel::Obl)
                .filter(|&o| self.prep_text(&self.preposition(o)) == "on")
                .collect();
        }
        Vec::new()
    }
}
