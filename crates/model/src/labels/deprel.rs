//! Universal Dependencies relations (v2) with the subtypes of UD English-EWT.

use super::label_set;

label_set! {
    /// The relation of a token to its head: every UD v2 universal relation, and every subtype
    /// that UD English-EWT uses (the label set of kg's parser). [`Deprel::Unset`] is a token
    /// not parsed yet.
    #[derive(Default)]
    pub enum Deprel ("dependency relation") {
        /// Not parsed yet (CoNLL-U `_`).
        #[default]
        Unset = "",
        Acl = "acl",
        AclRelcl = "acl:relcl",
        Advcl = "advcl",
        AdvclRelcl = "advcl:relcl",
        Advmod = "advmod",
        Amod = "amod",
        Appos = "appos",
        Aux = "aux",
        AuxPass = "aux:pass",
        Case = "case",
        Cc = "cc",
        CcPreconj = "cc:preconj",
        Ccomp = "ccomp",
        Clf = "clf",
        Compound = "compound",
        CompoundPrt = "compound:prt",
        Conj = "conj",
        Cop = "cop",
        Csubj = "csubj",
        CsubjOuter = "csubj:outer",
        CsubjPass = "csubj:pass",
        Dep = "dep",
        Det = "det",
        DetPredet = "det:predet",
        Discourse = "discourse",
        Dislocated = "dislocated",
        Expl = "expl",
        Fixed = "fixed",
        Flat = "flat",
        Goeswith = "goeswith",
        Iobj = "iobj",
        List = "list",
        Mark = "mark",
        Nmod = "nmod",
        NmodDesc = "nmod:desc",
        NmodPoss = "nmod:poss",
        NmodUnmarked = "nmod:unmarked",
        Nsubj = "nsubj",
        NsubjOuter = "nsubj:outer",
        NsubjPass = "nsubj:pass",
        Nummod = "nummod",
        Obj = "obj",
        Obl = "obl",
        OblAgent = "obl:agent",
        OblUnmarked = "obl:unmarked",
        Orphan = "orphan",
        Parataxis = "parataxis",
        Punct = "punct",
        Reparandum = "reparandum",
        Root = "root",
        Vocative = "vocative",
        Xcomp = "xcomp",
    }
}

impl Deprel {
    /// The universal relation without its subtype (`nsubj:pass` → `nsubj`); a universal relation,
    /// and `Unset`, are their own base.
    pub const fn base(self) -> Deprel {
        use Deprel::*;
        match self {
            AclRelcl => Acl,
            AdvclRelcl => Advcl,
            AuxPass => Aux,
            CcPreconj => Cc,
            CompoundPrt => Compound,
            CsubjOuter | CsubjPass => Csubj,
            DetPredet => Det,
            NmodDesc | NmodPoss | NmodUnmarked => Nmod,
            NsubjOuter | NsubjPass => Nsubj,
            OblAgent | OblUnmarked => Obl,
            universal => universal,
        }
    }

    /// Whether the relation is `relation` or one of its subtypes: `obl:agent` is an `obl`, and
    /// an `obl:agent`, but no `obl:unmarked`.
    pub fn is_a(self, relation: Deprel) -> bool {
        self == relation || self.base() == relation
    }

    /// The subtype after the colon (`pass` of `nsubj:pass`), if any.
    pub fn subtype(self) -> Option<&'static str> {
        self.as_str().split_once(':').map(|(_, sub)| sub)
    }

    /// Whether the token has been parsed (is not [`Deprel::Unset`]).
    pub fn is_set(self) -> bool {
        self != Deprel::Unset
    }

    /// The subject of its head's clause: `nsubj` or `csubj`, active or passive. (An `:outer`
    /// subject belongs to a clause that is itself the predicate: not its head's own subject.)
    pub fn is_subject(self) -> bool {
        use Deprel::*;
        matches!(self, Nsubj | NsubjPass | Csubj | CsubjPass)
    }

    /// A passive subject or auxiliary (`nsubj:pass`, `aux:pass`): its head's clause is passive.
    pub fn marks_passive(self) -> bool {
        matches!(self, Deprel::NsubjPass | Deprel::AuxPass)
    }

    /// A direct or indirect object (`obj`, `iobj`).
    pub fn is_object(self) -> bool {
        matches!(self.base(), Deprel::Obj | Deprel::Iobj)
    }

    /// A word of a multiword name or compound (`flat`, `compound`, with subtypes): "Kim
    /// Jong Un", "prime minister".
    pub fn is_compound_or_flat(self) -> bool {
        matches!(self.base(), Deprel::Compound | Deprel::Flat)
    }
}

#[cfg(test)]
mod tests {
    use super::Deprel;

    #[test]
    fn base_drops_the_subtype_and_only_it() {
        for &d in Deprel::ALL {
            let universal = d.as_str().split(':').next().unwrap();
            assert_eq!(d.base().as_str(), universal, "{d}");
            assert_eq!(d.subtype().is_some(), d != d.base(), "{d}");
        }
        assert!(Deprel::OblAgent.is_a(Deprel::Obl));
        assert!(Deprel::OblAgent.is_a(Deprel::OblAgent));
        assert!(!Deprel::OblAgent.is_a(Deprel::OblUnmarked));
        assert!(!Deprel::Obl.is_a(Deprel::OblAgent));
        assert!(!Deprel::Ccomp.is_a(Deprel::Cc));
    }
}
