//! Penn Treebank part-of-speech tags as UD English-EWT writes them in its XPOS column.

use super::label_set;

label_set! {
    /// A Penn Treebank tag, as used by UD English-EWT (with its additions `ADD`, `AFX`, `GW`,
    /// `HYPH`, `NFP` and `XX`). [`Xpos::Unset`] is a token not tagged yet.
    #[derive(Default)]
    pub enum Xpos ("XPOS tag") {
        /// Not tagged yet (CoNLL-U `_`).
        #[default]
        Unset = "",
        /// `$`: currency symbol.
        Dollar = "$",
        /// `''`: closing quotation mark.
        CloseQuote = "''",
        Comma = ",",
        /// `-LRB-`: opening bracket.
        LeftBracket = "-LRB-",
        /// `-RRB-`: closing bracket.
        RightBracket = "-RRB-",
        /// `.`: sentence-final punctuation.
        Period = ".",
        /// `:`: colon, semicolon, dash, ellipsis.
        Colon = ":",
        /// Email or web address.
        Add = "ADD",
        /// Affix written apart ("pre-" in "pre- and post-war").
        Afx = "AFX",
        Cc = "CC",
        Cd = "CD",
        Dt = "DT",
        Ex = "EX",
        Fw = "FW",
        /// "Goes with": a part of a word split in two.
        Gw = "GW",
        Hyph = "HYPH",
        In = "IN",
        Jj = "JJ",
        Jjr = "JJR",
        Jjs = "JJS",
        Ls = "LS",
        Md = "MD",
        /// Superfluous punctuation (emoticons, "!!!", bullets).
        Nfp = "NFP",
        Nn = "NN",
        Nnp = "NNP",
        Nnps = "NNPS",
        Nns = "NNS",
        Pdt = "PDT",
        /// Possessive ending `'s`.
        Pos = "POS",
        Prp = "PRP",
        /// `PRP$`: possessive pronoun.
        PrpDollar = "PRP$",
        Rb = "RB",
        Rbr = "RBR",
        Rbs = "RBS",
        Rp = "RP",
        Sym = "SYM",
        To = "TO",
        Uh = "UH",
        Vb = "VB",
        Vbd = "VBD",
        Vbg = "VBG",
        Vbn = "VBN",
        Vbp = "VBP",
        Vbz = "VBZ",
        Wdt = "WDT",
        Wp = "WP",
        /// `WP$`: possessive wh-pronoun ("whose").
        WpDollar = "WP$",
        Wrb = "WRB",
        /// Unknown word class.
        Xx = "XX",
        /// ``` `` ```: opening quotation mark.
        OpenQuote = "``",
    }
}

impl Xpos {
    /// A noun: `NN`, `NNS`, `NNP` or `NNPS`.
    pub const fn is_noun(self) -> bool {
        matches!(self, Xpos::Nn | Xpos::Nns | Xpos::Nnp | Xpos::Nnps)
    }

    /// A common noun: `NN` or `NNS`.
    pub const fn is_common_noun(self) -> bool {
        matches!(self, Xpos::Nn | Xpos::Nns)
    }

    /// A proper noun: `NNP` or `NNPS`.
    pub const fn is_proper_noun(self) -> bool {
        matches!(self, Xpos::Nnp | Xpos::Nnps)
    }

    /// A plural noun: `NNS` or `NNPS`.
    pub const fn is_plural_noun(self) -> bool {
        matches!(self, Xpos::Nns | Xpos::Nnps)
    }

    /// A verb form: `VB`, `VBD`, `VBG`, `VBN`, `VBP` or `VBZ` (not the modal `MD`).
    pub const fn is_verb(self) -> bool {
        matches!(
            self,
            Xpos::Vb | Xpos::Vbd | Xpos::Vbg | Xpos::Vbn | Xpos::Vbp | Xpos::Vbz
        )
    }

    /// A finite verb form: `VBD`, `VBZ` or `VBP` (not the modal `MD`).
    pub const fn is_finite_verb(self) -> bool {
        matches!(self, Xpos::Vbd | Xpos::Vbz | Xpos::Vbp)
    }

    /// A finite verb or a modal: `VBD`, `VBZ`, `VBP` or `MD`.
    pub const fn is_finite_or_modal(self) -> bool {
        self.is_finite_verb() || matches!(self, Xpos::Md)
    }

    /// A wh-word: `WDT`, `WP`, `WP$` or `WRB`.
    pub const fn is_wh(self) -> bool {
        matches!(self, Xpos::Wdt | Xpos::Wp | Xpos::WpDollar | Xpos::Wrb)
    }

    /// Whether the token has been tagged (is not [`Xpos::Unset`]).
    pub const fn is_set(self) -> bool {
        !matches!(self, Xpos::Unset)
    }
}

#[cfg(test)]
mod tests {
    use super::Xpos;

    #[test]
    fn classes_are_the_prefixes_of_the_tags() {
        for &x in Xpos::ALL {
            let s = x.as_str();
            assert_eq!(x.is_noun(), s.starts_with("NN"), "{s}");
            assert_eq!(x.is_proper_noun(), s.starts_with("NNP"), "{s}");
            assert_eq!(x.is_verb(), s.starts_with("VB"), "{s}");
            assert_eq!(x.is_wh(), s.starts_with('W'), "{s}");
        }
    }
}
