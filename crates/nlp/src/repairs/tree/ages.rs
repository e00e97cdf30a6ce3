//! Tree repairs of a person's age set off after the name ("Ortega, 22, scored 14 goals"), which
//! news writes everywhere and the parser reads as a second subject, an apposition, or a break
//! that leaves the verb without its subject.

use super::has_child;
use crate::doc::{Deprel, Sentence, Upos, Xpos};

/// Whether `form` is an age: a whole number of one to three digits.
fn age(form: &str) -> bool {
    (1..=3).contains(&form.len()) && form.bytes().all(|b| b.is_ascii_digit())
}

/// "Novák, 51, had signed a contract" (the age a second subject), "Ortega, 22, scored 14
/// goals" (the name the root, the verb a parataxis of it), "Quispe, 58, will be …" (the age an
/// apposition, read as what she is): a number of one to three digits between commas right after
/// a name is the name's age, an unmarked modifier (`nmod:unmarked`, as the parser mostly reads
/// it); a verb right after it that hangs on the name with no subject of its own is the name's
/// verb, with the name its subject.
pub(super) fn age_after_a_name(sentence: &mut Sentence) {
    let n = sentence.tokens.len();
    for a in 2..n.saturating_sub(1) {
        let t = &sentence.tokens;
        if !(t[a].upos == Upos::Num
            && age(&t[a].form)
            && t[a - 1].form == ","
            && t[a + 1].form == ","
            && t[a - 2].upos == Upos::Propn)
        {
            continue;
        }
        // The name's head word.
        let mut name = a - 2;
        while let Some(g) = t[name].head.filter(|&g| g < name) {
            if !t[name].deprel.is_compound_or_flat() || t[g].upos != Upos::Propn {
                break;
            }
            name = g;
        }
        let t = &mut sentence.tokens;
        t[a].head = Some(name);
        t[a].deprel = Deprel::NmodUnmarked;
        // The verb after the age, past auxiliaries and adverbs.
        let mut v = a + 2;
        while v < n && (t[v].upos == Upos::Aux || t[v].xpos == Xpos::Rb) {
            v += 1;
        }
        let hangs_on_name = v < n
            && t[v].upos == Upos::Verb
            && t[v].head == Some(name)
            && matches!(
                t[v].deprel.base(),
                Deprel::Parataxis | Deprel::Conj | Deprel::Advcl | Deprel::Acl | Deprel::Dep
            )
            && !(0..n).any(|k| t[k].head == Some(v) && t[k].deprel.is_subject());
        if !hangs_on_name {
            continue;
        }
        let passive = has_child(t, v, Deprel::AuxPass);
        t[v].head = t[name].head;
        t[v].deprel = t[name].deprel;
        t[name].head = Some(v);
        t[name].deprel = if passive {
            Deprel::NsubjPass
        } else {
            Deprel::Nsubj
        };
        // What followed the verb and hung on the name (the final stop) is the verb's.
        for x in &mut t[v + 1..] {
            if x.head == Some(name) {
                x.head = Some(v);
            }
        }
        // So are the auxiliaries and adverbs before it.
        for x in &mut t[a + 2..v] {
            x.head = Some(v);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::doc::{Sentence, Upos};
    use crate::repairs::notation::{parsed, tree};
    use crate::repairs::tree::repair as repair_tree;

    fn with_classes(text: &str, classes: &[Upos]) -> Sentence {
        let mut s = parsed(text, &[]);
        for (t, &u) in s.tokens.iter_mut().zip(classes) {
            t.upos = u;
        }
        s
    }

    #[test]
    fn an_age_after_a_name_modifies_it() {
        use Upos::*;
        // "Ortega, 22, scored goals .": the name the root, the verb a parataxis of it.
        let mut s = with_classes(
            "Ortega/_/NNP/_/0/root ,/_/,/_/3/punct 22/_/CD/_/1/nmod:unmarked ,/_/,/_/5/punct \
             scored/_/VBD/_/1/parataxis goals/_/NNS/_/5/obj ./_/./_/1/punct",
            &[Propn, Punct, Num, Punct, Verb, Noun, Punct],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s),
            [
                "Ortega/5/nsubj",
                ",/3/punct",
                "22/1/nmod:unmarked",
                ",/5/punct",
                "scored/0/root",
                "goals/5/obj",
                "./5/punct"
            ]
        );
        // "Novák, 51, had signed": the age a second subject.
        let mut s = with_classes(
            "Novák/_/NNP/_/5/nsubj ,/_/,/_/3/punct 51/_/CD/_/5/nsubj ,/_/,/_/3/punct signed/_/VBD/_/0/root",
            &[Propn, Punct, Num, Punct, Verb],
        );
        repair_tree(&mut s);
        assert_eq!(tree(&s)[2], "51/1/nmod:unmarked");
        assert_eq!(tree(&s)[0], "Novák/5/nsubj");
        // Not a number after a place or a year: "Paris, 2024, …" has four digits.
        let text = "Paris/_/NNP/_/0/root ,/_/,/_/3/punct 2024/_/CD/_/1/appos ,/_/,/_/1/punct";
        let mut s = with_classes(text, &[Propn, Punct, Num, Punct]);
        repair_tree(&mut s);
        assert_eq!(tree(&s), tree(&parsed(text, &[])));
    }
}
