//! Tree repairs of relative clauses: a clause opened by "who", "which" or "whom" that the parser
//! hung on a verb instead of the noun it follows, so the relative word resolved to nothing and
//! the clause was lost; and a relative word that is the subject of a clause reported inside the
//! relative clause ("her grandmother, who she said had inspired the story").

use super::{has_child, subtree_bounds};
use crate::doc::{Deprel, Sentence, Token, Upos, Xpos};

/// Words that open a relative clause and never a complement clause ("that" does both).
fn relative_word(t: &Token) -> bool {
    matches!(t.xpos, Xpos::Wp | Xpos::Wdt)
        && matches!(t.form.to_lowercase().as_str(), "who" | "which" | "whom")
}

fn nominal(t: &Token) -> bool {
    matches!(t.upos, Upos::Noun | Upos::Propn)
}

/// Verbs that say what a whole clause led to: "…, which means a lot to me", "…, which leaves
/// visitors with …".
const CONSEQUENCE: &[&str] = &[
    "lead", "mean", "leave", "cause", "result", "prompt", "spark", "trigger", "make",
];

/// "Vasconcelos, who stepped down last year, denies wrongdoing", "the regulator, which blocked a
/// similar deal in 2021": the parser hung the relative clause on a verb (as parataxis, an
/// adverbial clause, or a relative clause of the verb) rather than on the noun it follows. When a
/// clause opens with "who", "which" or "whom" as its subject or object, right after a noun (a
/// comma, brackets or quotes between them), and hangs on anything but a noun, it is a relative
/// clause of that noun: of the head of a name ("Pavel Novák, who"), of the noun before an
/// acronym in brackets ("the Harbour and Maritime Workers Union (HMWU), which"), of the noun a
/// prepositional phrase modifies ("someone at the desk who"). Not in a question, nor a copula
/// after "which", which mostly says something of the clause before ("…, which is a benefit").
pub(super) fn relative_clause_hung_on_a_verb(sentence: &mut Sentence) {
    let n = sentence.tokens.len();
    // In a question "which" and "who" ask ("… which is the best?").
    if sentence.tokens.iter().any(|t| t.form == "?") {
        return;
    }
    for v in 0..n {
        let t = &sentence.tokens;
        let Some(h) = t[v].head else {
            continue;
        };
        if t[v].deprel == Deprel::AclRelcl && nominal(&t[h]) {
            continue;
        }
        if t[v].upos != Upos::Verb && !has_child(t, v, Deprel::Cop) {
            continue;
        }
        // The relative word opens the clause's words and is its subject or object.
        let (lo, _) = subtree_bounds(t, v);
        let Some(w) = (lo..v).find(|&k| t[k].upos != Upos::Punct) else {
            continue;
        };
        if !(relative_word(&t[w])
            && t[w].head == Some(v)
            && (t[w].deprel.is_subject() || t[w].deprel == Deprel::Obj))
        {
            continue;
        }
        // "…, which is a nice added benefit", "…, which led to his arrest" mostly say something
        // of the whole clause before: a copula, or a verb of consequence.
        let which = t[w].form.eq_ignore_ascii_case("which");
        let consequence = CONSEQUENCE.contains(&t[v].lemma.to_lowercase().as_str());
        if which && (t[v].upos == Upos::Aux || has_child(t, v, Deprel::Cop) || consequence) {
            continue;
        }
        // The noun before it, past a comma and closing brackets or quotes.
        let mut k = w;
        let mut bracketed = false;
        while k > 0 && t[k - 1].upos == Upos::Punct {
            k -= 1;
            bracketed |= matches!(t[k].form.as_str(), ")" | "]");
        }
        if k == 0 || !nominal(&t[k - 1]) {
            continue;
        }
        let mut noun = k - 1;
        // Up to the head of a name, or from an acronym in brackets to what it abbreviates.
        while let Some(g) = t[noun].head.filter(|&g| g < noun) {
            let climb = t[noun].deprel.is_compound_or_flat()
                || (bracketed && t[noun].deprel == Deprel::Appos);
            if !climb || !nominal(&t[g]) {
                break;
            }
            noun = g;
        }
        // A common noun in a prepositional phrase gives way to the noun the phrase modifies: "a
        // buyer in Thailand who", "someone at the desk who", "an index of market prices, which"
        // (after "which", only through "of").
        if t[noun].upos == Upos::Noun {
            if let Some(g) = t[noun].head.filter(|&g| g < noun && nominal(&t[g])) {
                let case =
                    (0..noun).find(|&c| t[c].head == Some(noun) && t[c].deprel == Deprel::Case);
                let through = case.is_some_and(|c| !which || t[c].form.eq_ignore_ascii_case("of"));
                if through && t[noun].deprel.base() == Deprel::Nmod {
                    noun = g;
                }
            }
        }
        // Never under its own clause.
        if noun >= lo || dominates(t, v, noun) {
            continue;
        }
        let t = &mut sentence.tokens;
        t[v].head = Some(noun);
        t[v].deprel = Deprel::AclRelcl;
    }
}

/// Whether `a` is `b` or one of its ancestors.
fn dominates(t: &[Token], a: usize, b: usize) -> bool {
    let mut x = b;
    for _ in 0..=t.len() {
        if x == a {
            return true;
        }
        match t[x].head {
            Some(h) => x = h,
            None => return false,
        }
    }
    false
}

/// Verbs that report a clause inside a relative clause: "who she said had inspired the story".
const REPORTING: &[&str] = &[
    "say", "believe", "think", "claim", "allege", "suspect", "fear", "know", "report",
];

/// "her grandmother, who she said had inspired the story", "his coach, who the AIU said had
/// supplied the drug": the parser made the relative word a second subject (or the object) of
/// the saying verb, and left the reported clause without a subject. The relative word is the
/// subject of the reported clause.
pub(super) fn relative_word_of_a_reported_clause(sentence: &mut Sentence) {
    let n = sentence.tokens.len();
    for v in 0..n {
        let t = &sentence.tokens;
        if t[v].upos != Upos::Verb || !REPORTING.contains(&t[v].lemma.to_lowercase().as_str()) {
            continue;
        }
        let kids = |rel: fn(Deprel) -> bool| -> Vec<usize> {
            (0..n)
                .filter(|&k| t[k].head == Some(v) && rel(t[k].deprel))
                .collect()
        };
        let Some(&w) = kids(|r| r.is_subject() || r == Deprel::Obj)
            .iter()
            .find(|&&k| k < v && relative_word(&t[k]))
        else {
            continue;
        };
        let speaker = kids(|r| r.is_subject())
            .into_iter()
            .any(|s| w < s && s < v && !relative_word(&t[s]));
        let reported = kids(|r| matches!(r.base(), Deprel::Ccomp | Deprel::Xcomp))
            .into_iter()
            .find(|&c| {
                c > v
                    && !(0..n).any(|k| t[k].head == Some(c) && t[k].deprel.is_subject())
                    && !has_child(t, c, Deprel::Mark)
            });
        let (true, Some(c)) = (speaker, reported) else {
            continue;
        };
        let passive = has_child(t, c, Deprel::AuxPass);
        let t = &mut sentence.tokens;
        t[w].head = Some(c);
        t[w].deprel = if passive {
            Deprel::NsubjPass
        } else {
            Deprel::Nsubj
        };
        if t[c].deprel.base() == Deprel::Xcomp {
            t[c].deprel = Deprel::Ccomp;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::doc::{Sentence, Upos};
    use crate::repairs::notation::{parsed, tree};
    use crate::repairs::tree::repair as repair_tree;

    /// The parser's tree, with the word classes (and the lemma of "said") the repairs read,
    /// set from the XPOS.
    fn with_classes(text: &str) -> Sentence {
        let mut s = parsed(text, &[]);
        for t in &mut s.tokens {
            t.upos = match t.xpos.to_string().as_str() {
                "NN" | "NNS" => Upos::Noun,
                "NNP" | "NNPS" => Upos::Propn,
                "VBD" | "VBZ" | "VBP" | "VBN" | "VBG" | "VB" => Upos::Verb,
                "WP" | "WDT" | "PRP" => Upos::Pron,
                "," | "." | "-LRB-" | "-RRB-" => Upos::Punct,
                "MD" => Upos::Aux,
                "DT" => Upos::Det,
                _ => Upos::X,
            };
            t.lemma = match t.form.as_str() {
                "said" => "say".into(),
                "means" => "mean".into(),
                form => form.to_lowercase(),
            };
        }
        s
    }

    #[test]
    fn a_relative_clause_hung_on_a_verb_is_the_nouns() {
        // "Vasconcelos, who stepped down, denies wrongdoing", as parataxis of the name.
        let mut s = with_classes(
            "Vasconcelos/_/NNP/_/6/nsubj ,/_/,/_/4/punct who/_/WP/_/4/nsubj stepped/_/VBD/_/1/parataxis \
             ,/_/,/_/4/punct denies/_/VBZ/_/0/root wrongdoing/_/NN/_/6/obj ./_/./_/6/punct",
        );
        repair_tree(&mut s);
        assert_eq!(tree(&s)[3], "stepped/1/acl:relcl");
        // "… the regulator, which blocked a deal": an adverbial clause of the main verb.
        let mut s = with_classes(
            "It/_/PRP/_/2/nsubj requires/_/VBZ/_/0/root approval/_/NN/_/2/obj from/_/IN/_/5/case \
             regulator/_/NN/_/3/nmod ,/_/,/_/8/punct which/_/WDT/_/8/nsubj blocked/_/VBD/_/2/advcl:relcl \
             deals/_/NNS/_/8/obj",
        );
        repair_tree(&mut s);
        assert_eq!(tree(&s)[7], "blocked/5/acl:relcl");
        // "replace Yuri Sokolov, who retired": a relative clause of the verb, to the name's head.
        let mut s = with_classes(
            "Coaches/_/NNS/_/2/nsubj replace/_/VBP/_/0/root Yuri/_/NNP/_/2/obj Sokolov/_/NNP/_/3/flat \
             ,/_/,/_/7/punct who/_/WP/_/7/nsubj retired/_/VBD/_/2/acl:relcl",
        );
        repair_tree(&mut s);
        assert_eq!(tree(&s)[6], "retired/3/acl:relcl");
        // "the Union (HMWU), which is demanding": past the acronym to what it abbreviates.
        let mut s = with_classes(
            "It/_/PRP/_/2/nsubj called/_/VBD/_/0/root the/_/DT/_/4/det Union/_/NNP/_/2/obj (/_/-LRB-/_/6/punct \
             HMWU/_/NNP/_/4/appos )/_/-RRB-/_/6/punct ,/_/,/_/10/punct which/_/WDT/_/10/nsubj \
             demands/_/VBZ/_/2/advcl rises/_/NNS/_/10/obj",
        );
        repair_tree(&mut s);
        assert_eq!(tree(&s)[9], "demands/4/acl:relcl");
        // A question word after a verb opens no relative clause ("asked who won"), and one
        // already on a noun stays where the parser put it.
        // "Police found someone at the desk who spoke English": past the prepositional phrase.
        let mut s = with_classes(
            "Police/_/NNS/_/2/nsubj found/_/VBD/_/0/root someone/_/NN/_/2/obj at/_/IN/_/5/case desk/_/NN/_/3/nmod \
             who/_/WP/_/7/nsubj spoke/_/VBD/_/2/advcl English/_/NNP/_/7/obj",
        );
        repair_tree(&mut s);
        assert_eq!(tree(&s)[6], "spoke/3/acl:relcl");
        // A question ("cruises, which is the best?"), and a copula after "which", said of the
        // clause before ("she plans events, which is a benefit"), stay as the parser read them.
        for text in [
            "They/_/PRP/_/2/nsubj asked/_/VBD/_/0/root who/_/WP/_/4/nsubj won/_/VBD/_/2/ccomp",
            "cruises/_/NNS/_/0/root ,/_/,/_/4/punct which/_/WDT/_/4/nsubj best/_/JJS/_/1/advcl is/_/VBZ/_/4/cop ?/_/./_/1/punct",
            "She/_/PRP/_/2/nsubj plans/_/VBZ/_/0/root events/_/NNS/_/2/obj ,/_/,/_/7/punct which/_/WDT/_/7/nsubj \
             is/_/VBZ/_/7/cop benefit/_/NN/_/2/advcl:relcl",
            "He/_/PRP/_/2/nsubj budged/_/VBD/_/0/root on/_/IN/_/4/case price/_/NN/_/2/obl which/_/WDT/_/6/nsubj \
             means/_/VBZ/_/2/advcl:relcl lot/_/NN/_/6/obj",
            "Fans/_/NNS/_/0/root of/_/IN/_/3/case clubs/_/NNS/_/1/nmod who/_/WP/_/5/nsubj cheered/_/VBD/_/1/acl:relcl",
        ] {
            let mut s = with_classes(text);
            repair_tree(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
        }
    }

    #[test]
    fn a_relative_word_before_a_saying_verb_is_the_reported_subject() {
        // "her grandmother, who she said had inspired the story".
        let mut s = with_classes(
            "grandmother/_/NN/_/0/root ,/_/,/_/5/punct who/_/WP/_/5/nsubj she/_/PRP/_/5/nsubj \
             said/_/VBD/_/1/acl:relcl had/_/VBD/_/7/aux inspired/_/VBN/_/5/ccomp story/_/NN/_/7/obj",
        );
        repair_tree(&mut s);
        assert_eq!(tree(&s)[2], "who/7/nsubj");
        assert_eq!(tree(&s)[3], "she/5/nsubj");
        // "who she said" with nothing reported after it, and "who said she had won" (the
        // relative word is the speaker), stay.
        for text in [
            "grandmother/_/NN/_/0/root who/_/WP/_/4/nsubj she/_/PRP/_/4/nsubj said/_/VBD/_/1/acl:relcl",
            "man/_/NN/_/0/root who/_/WP/_/3/nsubj said/_/VBD/_/1/acl:relcl she/_/PRP/_/6/nsubj \
             had/_/VBD/_/6/aux won/_/VBN/_/3/ccomp",
        ] {
            let mut s = with_classes(text);
            repair_tree(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
        }
    }
}
