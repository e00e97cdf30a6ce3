//! Tree repairs of object control: "expected the bank to leave rates unchanged", where the
//! infinitive says what the verb's object is to do, and the parser hung it on the object as a
//! modifier ("the bank [that is] to leave …") or on the verb as a purpose.

use super::has_child;
use crate::doc::{Deprel, Sentence, Upos, Xpos};
use crate::verb_classes::VerbClass;

/// "Forecasters expect heavy rain to continue", "economists expect the bank to make its first
/// cut": the parser hung the infinitive on the object (acl) or on the verb as an adverbial
/// clause. After a verb of object control with an object, an infinitive with "to" right after
/// the object's words is the verb's open clausal complement (xcomp), whose subject is the
/// object.
pub(super) fn infinitive_hung_on_the_object(sentence: &mut Sentence) {
    let n = sentence.tokens.len();
    for x in 0..n {
        let t = &sentence.tokens;
        let Some(h) = t[x].head else {
            continue;
        };
        let to = (0..x).any(|m| {
            t[m].head == Some(x)
                && t[m].deprel == Deprel::Mark
                && t[m].form.eq_ignore_ascii_case("to")
        });
        if t[x].upos != Upos::Verb || t[x].xpos != Xpos::Vb || !to {
            continue;
        }
        let (verb, object) = match t[x].deprel.base() {
            Deprel::Acl if t[h].deprel == Deprel::Obj => match t[h].head {
                Some(v) => (v, h),
                None => continue,
            },
            Deprel::Advcl => {
                match (0..x)
                    .rev()
                    .find(|&o| t[o].head == Some(h) && t[o].deprel == Deprel::Obj)
                {
                    Some(o) => (h, o),
                    None => continue,
                }
            }
            _ => continue,
        };
        // ("want a simple way to get a deal": what is wanted, with its purpose.)
        let indefinite = (0..object).any(|d| {
            t[d].head == Some(object)
                && t[d].deprel == Deprel::Det
                && matches!(t[d].form.to_lowercase().as_str(), "a" | "an")
        });
        if t[verb].upos != Upos::Verb
            || (indefinite && t[verb].lemma.eq_ignore_ascii_case("want"))
            || !VerbClass::InfinitiveAfterObject.contains(&t[verb].lemma.to_lowercase())
            || !(verb < object && object < x)
            || has_child(t, verb, Deprel::Xcomp)
        {
            continue;
        }
        sentence.tokens[x].head = Some(verb);
        sentence.tokens[x].deprel = Deprel::Xcomp;
    }
}

#[cfg(test)]
mod tests {
    use crate::doc::{Sentence, Upos};
    use crate::repairs::notation::{parsed, tree};
    use crate::repairs::tree::repair as repair_tree;

    fn with_verbs(text: &str, verbs: &[(usize, &str)]) -> Sentence {
        let mut s = parsed(text, &[]);
        for t in &mut s.tokens {
            t.upos = Upos::Noun;
        }
        for &(i, lemma) in verbs {
            s.tokens[i].upos = Upos::Verb;
            s.tokens[i].lemma = lemma.into();
        }
        s
    }

    #[test]
    fn an_infinitive_after_the_object_of_expect_is_its_complement() {
        // "Forecasters expect rain to continue": the infinitive on the object.
        let mut s = with_verbs(
            "Forecasters/_/NNS/_/2/nsubj expect/_/VBP/_/0/root rain/_/NN/_/2/obj to/_/TO/_/5/mark \
             continue/_/VB/_/3/acl",
            &[(1, "expect"), (4, "continue")],
        );
        repair_tree(&mut s);
        assert_eq!(tree(&s)[4], "continue/2/xcomp");
        // "Economists expect the bank to make a cut": the infinitive an adverbial clause.
        let mut s = with_verbs(
            "Economists/_/NNS/_/2/nsubj expect/_/VBP/_/0/root the/_/DT/_/4/det bank/_/NN/_/2/obj to/_/TO/_/6/mark \
             make/_/VB/_/2/advcl cuts/_/NNS/_/6/obj",
            &[(1, "expect"), (5, "make")],
        );
        repair_tree(&mut s);
        assert_eq!(tree(&s)[5], "make/2/xcomp");
        // After a verb of no control the infinitive is the object's or a purpose: "signed a
        // deal to build a port".
        let text = "They/_/PRP/_/2/nsubj signed/_/VBD/_/0/root deal/_/NN/_/2/obj to/_/TO/_/5/mark \
                    build/_/VB/_/3/acl ports/_/NNS/_/5/obj";
        let mut s = with_verbs(text, &[(1, "sign"), (4, "build")]);
        repair_tree(&mut s);
        assert_eq!(tree(&s), tree(&parsed(text, &[])));
        // Nor after a thing wanted: "I want a way to get deals".
        let text = "I/_/PRP/_/2/nsubj want/_/VBP/_/0/root a/_/DT/_/4/det way/_/NN/_/2/obj to/_/TO/_/6/mark \
                    get/_/VB/_/4/acl deals/_/NNS/_/6/obj";
        let mut s = with_verbs(text, &[(1, "want"), (5, "get")]);
        repair_tree(&mut s);
        assert_eq!(tree(&s), tree(&parsed(text, &[])));
    }
}
