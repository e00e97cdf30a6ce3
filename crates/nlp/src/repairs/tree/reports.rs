//! Tree repairs of what a saying verb reports: the reported clause read as the verb's object
//! noun with a modifier, so that the speaker seemed to say a noun ("Prosecutors say | the scheme"
//! with "diverted" a participle of "scheme"), and the clause lost its source.

use super::{has_child, is_finite_verb};
use crate::doc::{Deprel, Sentence, Token, Upos, Xpos};
use crate::repairs::tags::{participle_only, past_tense};

/// Verbs that report a clause and hardly ever take a noun object with a modifier after it.
const SAYING_A_CLAUSE: &[&str] = &[
    "say", "believe", "think", "claim", "argue", "insist", "allege", "add",
];

/// "Prosecutors say the scheme diverted 240 million reais", "Investigators believe the company
/// mixed the oil …", "Europol said the investigation, led by …, began after …": the parser made
/// the reported clause's subject the saying verb's object, and its verb a participle modifying
/// that noun (with an object of its own, so no passive) or a conjunct of the saying verb with no
/// "and". The verb is the saying verb's clausal complement, in the past, and the noun its
/// subject.
pub(super) fn reported_clause_read_as_the_object(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    for v in 0..t.len() {
        if t[v].upos != Upos::Verb
            || !SAYING_A_CLAUSE.contains(&t[v].lemma.to_lowercase().as_str())
            || has_child(t, v, Deprel::Ccomp)
        {
            continue;
        }
        let Some(o) =
            (v + 1..t.len()).find(|&k| t[k].head == Some(v) && t[k].deprel == Deprel::Obj)
        else {
            continue;
        };
        if !matches!(t[o].upos, Upos::Noun | Upos::Propn | Upos::Pron) {
            continue;
        }
        let verb = (o + 1..t.len()).find(|&x| {
            let modifier = t[x].head == Some(o)
                && t[x].deprel == Deprel::Acl
                && t[x].xpos == Xpos::Vbn
                && !participle_only(&t[x].form.to_lowercase())
                && has_child(t, x, Deprel::Obj)
                && !has_child(t, x, Deprel::Mark);
            let conjunct = t[x].head == Some(v)
                && t[x].deprel == Deprel::Conj
                && is_finite_verb(&t[x])
                && !has_child(t, x, Deprel::Cc)
                && !has_child(t, x, Deprel::Nsubj)
                && !(o..x).any(|k| is_coordinator(&t[k]));
            modifier || conjunct
        });
        let Some(x) = verb else {
            continue;
        };
        if t[x].xpos == Xpos::Vbn {
            past_tense(&mut t[x]);
        }
        t[x].head = Some(v);
        t[x].deprel = Deprel::Ccomp;
        t[o].head = Some(x);
        t[o].deprel = Deprel::Nsubj;
    }
}

fn is_coordinator(t: &Token) -> bool {
    t.upos == Upos::Cconj
}

#[cfg(test)]
mod tests {
    use crate::doc::{Upos, Xpos};
    use crate::repairs::notation::{parsed, tree};
    use crate::repairs::tree::repair as repair_tree;

    /// The parser's tree with the word classes and lemmas the repair reads.
    fn with_words(text: &str, words: &[(Upos, &str)]) -> crate::doc::Sentence {
        let mut s = parsed(text, &[]);
        for (t, (upos, lemma)) in s.tokens.iter_mut().zip(words) {
            t.upos = *upos;
            t.lemma = (*lemma).into();
        }
        s
    }

    #[test]
    fn a_reported_clause_read_as_the_object_is_the_saying_verbs_complement() {
        use Upos::*;
        // "Prosecutors say the scheme diverted millions", as the parser read it.
        let words = [
            (Noun, "prosecutor"),
            (Verb, "say"),
            (Det, "the"),
            (Noun, "scheme"),
            (Verb, "divert"),
            (Noun, "million"),
        ];
        let mut s = with_words(
            "Prosecutors/_/NNS/_/2/nsubj say/_/VBP/_/0/root the/_/DT/_/4/det scheme/_/NN/_/2/obj \
             diverted/_/VBN/_/4/acl millions/_/NNS/_/5/obj",
            &words,
        );
        repair_tree(&mut s);
        assert_eq!(tree(&s)[3..5], ["scheme/5/nsubj", "diverted/2/ccomp"]);
        assert_eq!(s.tokens[4].xpos, Xpos::Vbd);
        // "Europol said the investigation, led by …, began …": a conjunct with no "and".
        let words = [
            (Propn, "Europol"),
            (Verb, "say"),
            (Det, "the"),
            (Noun, "investigation"),
            (Verb, "begin"),
        ];
        let mut s = with_words(
            "Europol/_/NNP/_/2/nsubj said/_/VBD/_/0/root the/_/DT/_/4/det \
             investigation/_/NN/_/2/obj began/_/VBD/_/2/conj",
            &words,
        );
        repair_tree(&mut s);
        assert_eq!(tree(&s)[3..5], ["investigation/5/nsubj", "began/2/ccomp"]);
        // A participle without an object of its own stays a modifier ("said the money stolen
        // …"), and so does a noun after a verb that is no saying verb.
        for (text, verb) in [
            (
                "Police/_/NNS/_/2/nsubj said/_/VBD/_/0/root the/_/DT/_/4/det money/_/NN/_/2/obj \
                 stolen/_/VBN/_/4/acl",
                "say",
            ),
            (
                "Police/_/NNS/_/2/nsubj found/_/VBD/_/0/root the/_/DT/_/4/det scheme/_/NN/_/2/obj \
                 diverted/_/VBN/_/4/acl millions/_/NNS/_/5/obj",
                "find",
            ),
        ] {
            let words = [
                (Noun, "police"),
                (Verb, verb),
                (Det, "the"),
                (Noun, "x"),
                (Verb, "y"),
                (Noun, "z"),
            ];
            let mut s = with_words(text, &words);
            repair_tree(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
        }
    }
}
