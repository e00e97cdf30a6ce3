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
            // (Or of the verb a participle of saying hangs on: "kept rates on hold, saying
            // inflation | remained too high", with "remained" a conjunct of "kept".)
            let governor = t[v]
                .head
                .filter(|_| t[v].xpos == Xpos::Vbg && t[v].deprel.base() == Deprel::Advcl);
            let conjunct = (t[x].head == Some(v) || (governor.is_some() && t[x].head == governor))
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

/// "A tunnel collapsed at a tin mine on Monday, killing six miners, the ministry said": the
/// parser read "A tunnel collapsed …" as a noun with a participle ("a tunnel [that was]
/// collapsed") and made that noun a second subject of the saying verb at the end, so the
/// collapse and the killing had no subject. When a saying verb has two subjects, and the first
/// has a participle right after it (not one that is only a participle, "known", nor one with an
/// agent, "led by …"), with no subject or marker of its own, the participle is the verb the
/// saying verb reports, in the past, and the noun its subject.
pub(super) fn reported_clause_read_as_a_second_subject(sentence: &mut Sentence) {
    let n = sentence.tokens.len();
    for v in 0..n {
        let t = &sentence.tokens;
        if t[v].upos != Upos::Verb
            || !SAYING_A_CLAUSE.contains(&t[v].lemma.to_lowercase().as_str())
            || has_child(t, v, Deprel::Ccomp)
        {
            continue;
        }
        let subjects: Vec<usize> = (0..v)
            .filter(|&k| t[k].head == Some(v) && t[k].deprel.is_subject())
            .collect();
        let [s1, s2] = subjects[..] else {
            continue;
        };
        let Some(p) = (s1 + 1..s2).find(|&k| t[k].head == Some(s1) && t[k].deprel == Deprel::Acl)
        else {
            continue;
        };
        let agent = (0..n).any(|k| {
            t[k].head == Some(p)
                && (t[k].deprel == Deprel::OblAgent
                    || (t[k].deprel.base() == Deprel::Obl
                        && (0..k).any(|c| {
                            t[c].head == Some(k)
                                && t[c].deprel == Deprel::Case
                                && t[c].form.eq_ignore_ascii_case("by")
                        })))
        });
        if t[p].xpos != Xpos::Vbn
            || participle_only(&t[p].form.to_lowercase())
            || agent
            || has_child(t, p, Deprel::Mark)
            || (0..n).any(|k| t[k].head == Some(p) && t[k].deprel.is_subject())
            // Right after the noun's own words.
            || (s1 + 1..p).any(|k| !t[k].head.is_some_and(|h| h == s1 || (s1 < h && h < p)))
        {
            continue;
        }
        let t = &mut sentence.tokens;
        past_tense(&mut t[p]);
        t[p].head = Some(v);
        t[p].deprel = Deprel::Ccomp;
        t[s1].head = Some(p);
        t[s1].deprel = Deprel::Nsubj;
    }
}

/// "Fighters attacked a fuel depot …, killing at least nine people and setting fire to three
/// tankers, police and local officials said.": the parser made the speakers conjuncts of the
/// last noun and the saying verb a complement of the main verb, with the participle the
/// saying verb's complement, so the attack had no source and the saying no subject. When a
/// saying verb ends the sentence without a subject of its own, right after a comma and a noun
/// phrase hung elsewhere, that phrase is its subject, and it reports the clause it hangs on
/// (parataxis); a participle set off before it is the main verb's, not what was said.
pub(super) fn final_speakers_read_as_conjuncts(sentence: &mut Sentence) {
    let t = &sentence.tokens;
    let n = t.len();
    let Some(v) = (0..n).rev().find(|&k| t[k].upos != Upos::Punct) else {
        return;
    };
    let Some(h) = t[v].head else {
        return;
    };
    if t[v].upos != Upos::Verb
        || t[v].lemma.to_lowercase() != "say"
        || !is_finite_verb(&t[v])
        || (0..n).any(|k| t[k].head == Some(v) && t[k].deprel.is_subject())
        || t[h].upos != Upos::Verb
        || h > v
    {
        return;
    }
    let Some(comma) = (0..v).rev().find(|&k| t[k].form == ",") else {
        return;
    };
    let phrase = comma + 1..v;
    let nominal_words = phrase.clone().all(|k| {
        matches!(
            t[k].upos,
            Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn | Upos::Cconj | Upos::Num
        )
    });
    if phrase.is_empty() || !nominal_words {
        return;
    }
    // The phrase's words that hang outside it: its head first, then its conjuncts.
    let outside: Vec<usize> = phrase
        .clone()
        .filter(|&k| t[k].head.is_none_or(|g| !phrase.contains(&g)))
        .collect();
    let Some(&subject) = outside.first() else {
        return;
    };
    if !matches!(t[subject].upos, Upos::Noun | Upos::Propn)
        || outside[1..].iter().any(|&k| t[k].deprel != Deprel::Conj)
    {
        return;
    }
    let participles: Vec<usize> = (0..comma)
        .filter(|&k| {
            t[k].head == Some(v) && t[k].xpos == Xpos::Vbg && t[k].deprel.base() == Deprel::Ccomp
        })
        .collect();
    let t = &mut sentence.tokens;
    for &k in &outside[1..] {
        t[k].head = Some(subject);
    }
    t[subject].head = Some(v);
    t[subject].deprel = Deprel::Nsubj;
    t[v].deprel = Deprel::Parataxis;
    for k in participles {
        t[k].head = Some(h);
        t[k].deprel = Deprel::Advcl;
    }
}

/// Verbs a quote's speaker is the subject of, after the quote.
const QUOTING: &[&str] = &[
    "say", "add", "tell", "write", "insist", "explain", "warn", "reply", "claim", "argue",
];

/// '"I have never taken a banned substance …," Woldemichael, 29, said in a statement': the
/// parser hung the speaker between the closing quote and the saying verb on the quoted verb (as
/// its object here), and the saying verb was left without a subject, the quote without a
/// source. When a saying verb after a quote has no subject and the words between the closing
/// quotation mark and it are one noun phrase (a name, with an age or a title set off by
/// commas), whose head hangs inside the quote, that head is the saying verb's subject.
pub(super) fn speaker_after_a_quote_read_as_an_object(sentence: &mut Sentence) {
    let t = &sentence.tokens;
    let n = t.len();
    let quote = |k: usize| matches!(t[k].form.as_str(), "\"" | "''" | "”");
    for v in 1..n {
        if t[v].upos != Upos::Verb
            || !QUOTING.contains(&t[v].lemma.to_lowercase().as_str())
            || (0..n).any(|k| t[k].head == Some(v) && t[k].deprel.is_subject())
        {
            continue;
        }
        let Some(q) = (0..v).rev().find(|&k| quote(k)) else {
            continue;
        };
        let phrase = q + 1..v;
        let nominal = phrase.clone().all(|k| {
            matches!(
                t[k].upos,
                Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn | Upos::Num | Upos::Punct
            )
        });
        let outside: Vec<usize> = phrase
            .clone()
            .filter(|&k| t[k].upos != Upos::Punct)
            .filter(|&k| t[k].head.is_none_or(|g| !phrase.contains(&g)))
            .collect();
        let [subject] = outside[..] else {
            continue;
        };
        if !nominal
            || !matches!(t[subject].upos, Upos::Propn | Upos::Noun)
            || t[subject].head.is_none_or(|g| g >= q)
        {
            continue;
        }
        let t = &mut sentence.tokens;
        t[subject].head = Some(v);
        t[subject].deprel = Deprel::Nsubj;
        return;
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
    fn a_reported_clause_read_as_a_second_subject_is_the_saying_verbs_complement() {
        use Upos::*;
        // "A tunnel collapsed at a mine, the ministry said", as the parser read it.
        let words = [
            (Det, "a"),
            (Noun, "tunnel"),
            (Verb, "collapse"),
            (Adp, "at"),
            (Noun, "mine"),
            (Punct, ","),
            (Det, "the"),
            (Noun, "ministry"),
            (Verb, "say"),
        ];
        let mut s = with_words(
            "A/_/DT/_/2/det tunnel/_/NN/_/9/nsubj collapsed/_/VBN/_/2/acl at/_/IN/_/5/case mine/_/NN/_/3/obl \
             ,/_/,/_/2/punct the/_/DT/_/8/det ministry/_/NN/_/9/nsubj said/_/VBD/_/0/root",
            &words,
        );
        repair_tree(&mut s);
        assert_eq!(tree(&s)[1..3], ["tunnel/3/nsubj", "collapsed/9/ccomp"]);
        assert_eq!(s.tokens[2].xpos, Xpos::Vbd);
        // A participle with its agent stays a modifier ("a round led by Lotus, the company
        // said").
        let text = "A/_/DT/_/2/det round/_/NN/_/9/nsubj led/_/VBN/_/2/acl by/_/IN/_/5/case Lotus/_/NNP/_/3/obl:agent \
                    ,/_/,/_/2/punct the/_/DT/_/8/det company/_/NN/_/9/nsubj said/_/VBD/_/0/root";
        let mut s = with_words(text, &words);
        repair_tree(&mut s);
        assert_eq!(tree(&s), tree(&parsed(text, &[])));
    }

    #[test]
    fn final_speakers_read_as_conjuncts_are_the_saying_verbs_subject() {
        use Upos::*;
        // "Fighters attacked a depot, killing people, police and officials said."
        let words = [
            (Noun, "fighter"),
            (Verb, "attack"),
            (Noun, "depot"),
            (Punct, ","),
            (Verb, "kill"),
            (Noun, "people"),
            (Punct, ","),
            (Noun, "police"),
            (Cconj, "and"),
            (Noun, "official"),
            (Verb, "say"),
            (Punct, "."),
        ];
        let mut s = with_words(
            "Fighters/_/NNS/_/2/nsubj attacked/_/VBD/_/0/root depot/_/NN/_/2/obj ,/_/,/_/5/punct \
             killing/_/VBG/_/11/ccomp people/_/NNS/_/5/obj ,/_/,/_/8/punct police/_/NNS/_/6/conj and/_/CC/_/10/cc \
             officials/_/NNS/_/6/conj said/_/VBD/_/2/xcomp ./_/./_/11/punct",
            &words,
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[4..11],
            [
                "killing/2/advcl",
                "people/5/obj",
                ",/8/punct",
                "police/11/nsubj",
                "and/10/cc",
                "officials/8/conj",
                "said/2/parataxis"
            ]
        );
        // A saying verb with its subject stays.
        let text = "Fighters/_/NNS/_/2/nsubj attacked/_/VBD/_/0/root depot/_/NN/_/2/obj ,/_/,/_/5/punct \
                    killing/_/VBG/_/2/advcl people/_/NNS/_/5/obj ,/_/,/_/8/punct police/_/NNS/_/11/nsubj \
                    and/_/CC/_/10/cc officials/_/NNS/_/8/conj said/_/VBD/_/2/parataxis ./_/./_/11/punct";
        let mut s = with_words(text, &words);
        repair_tree(&mut s);
        assert_eq!(tree(&s), tree(&parsed(text, &[])));
    }

    #[test]
    fn a_speaker_after_a_quote_hung_inside_it_is_the_saying_verbs_subject() {
        use Upos::*;
        // '"I never took it," Woldemichael, 29, said.' with the name the quoted verb's object.
        let words = [
            (Punct, "\""),
            (Pron, "I"),
            (Adv, "never"),
            (Verb, "take"),
            (Pron, "it"),
            (Punct, ","),
            (Punct, "\""),
            (Propn, "Woldemichael"),
            (Punct, ","),
            (Num, "29"),
            (Punct, ","),
            (Verb, "say"),
            (Punct, "."),
        ];
        let mut s = with_words(
            "\"/_/``/_/4/punct I/_/PRP/_/4/nsubj never/_/RB/_/4/advmod took/_/VBD/_/12/ccomp \
             it/_/PRP/_/4/obj ,/_/,/_/4/punct \"/_/''/_/4/punct Woldemichael/_/NNP/_/4/obj \
             ,/_/,/_/10/punct 29/_/CD/_/8/nmod:unmarked ,/_/,/_/4/punct said/_/VBD/_/0/root \
             ./_/./_/12/punct",
            &words,
        );
        repair_tree(&mut s);
        assert_eq!(tree(&s)[7], "Woldemichael/12/nsubj");
        assert_eq!(tree(&s)[3], "took/12/ccomp");
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
        // "The bank kept rates, saying inflation remained high": a conjunct of the verb the
        // saying participle hangs on.
        let words = [
            (Noun, "bank"),
            (Verb, "keep"),
            (Noun, "rate"),
            (Punct, ","),
            (Verb, "say"),
            (Noun, "inflation"),
            (Verb, "remain"),
            (Adj, "high"),
        ];
        let mut s = with_words(
            "Bank/_/NN/_/2/nsubj kept/_/VBD/_/0/root rates/_/NNS/_/2/obj ,/_/,/_/5/punct saying/_/VBG/_/2/advcl \
             inflation/_/NN/_/5/obj remained/_/VBD/_/2/conj high/_/JJ/_/7/xcomp",
            &words,
        );
        repair_tree(&mut s);
        assert_eq!(tree(&s)[5..7], ["inflation/7/nsubj", "remained/5/ccomp"]);
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
