//! Tree repairs that move a phrase to the word it belongs to: an object read as an oblique or as
//! part of a time or an amount, a predicate, a score, a partner, a passive's agent or what was
//! told hung on the wrong word, a preposition read as an adverb or hung on the wrong noun, an
//! apposition read as one more item of a list.

use super::{case_word, has_child, subtree_bounds};
use crate::doc::{Deprel, Sentence, Token, Upos, Xpos};

/// "sacked coach Pavel Novák and his assistant, Dmitri Volkov, on Monday": the parser made
/// the assistant's name a third conjunct, so the club sacked an assistant and Dmitri Volkov. A
/// list's last item is the one with the conjunction; a conjunct after it, set off by a comma,
/// with none of its own, is no further item but the apposition of the item before it.
pub(super) fn apposition_read_as_a_conjunct_after_the_last(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    let n = t.len();
    for c in 2..n {
        let Some(h) = t[c].head else {
            continue;
        };
        if t[c].deprel != Deprel::Conj || t[c - 1].form != "," {
            continue;
        }
        let has_cc = |t: &[Token], x: usize| {
            (0..x).any(|k| t[k].head == Some(x) && t[k].deprel == Deprel::Cc)
        };
        if has_cc(t, c) {
            continue;
        }
        // The conjunct before it, with its conjunction, ends right before the comma.
        let Some(last) = (h + 1..c - 1)
            .rev()
            .find(|&k| t[k].head == Some(h) && t[k].deprel == Deprel::Conj)
        else {
            continue;
        };
        let ends_before_comma = (last + 1..c - 1).all(|k| {
            let mut x = k;
            let mut steps = 0;
            while x != last && steps < n {
                match t[x].head {
                    Some(up) => x = up,
                    None => break,
                }
                steps += 1;
            }
            x == last
        });
        // (A name after a description: "his assistant, Dmitri Volkov"; common nouns there are
        // more often a list the parser nested.)
        let described = (0..last).any(|k| {
            t[k].head == Some(last) && matches!(t[k].deprel, Deprel::Det | Deprel::NmodPoss)
        });
        if has_cc(t, last)
            && ends_before_comma
            && t[last].upos == Upos::Noun
            && described
            && t[c].upos == Upos::Propn
        {
            t[c].head = Some(last);
            t[c].deprel = Deprel::Appos;
        }
    }
}

/// "Former judge Rosa Quispe and businessman Martín Salazar will face each other": the parser
/// made the second description ("businessman") the conjunct and hung its name on the verb as a
/// second subject, so the runoff had one side. A common noun joined to a name by "and", right
/// before a name of its own that hangs elsewhere, is that name's description, and the name is
/// the conjunct.
pub(super) fn description_read_as_the_conjunct(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    for n in 1..t.len().saturating_sub(1) {
        let p = n + 1;
        let Some(a) = t[n].head.filter(|&a| a < n) else {
            continue;
        };
        let cc = (a + 1..n).find(|&k| t[k].head == Some(n) && t[k].deprel == Deprel::Cc);
        if t[n].deprel != Deprel::Conj
            || t[n].upos != Upos::Noun
            || t[n].xpos != Xpos::Nn
            || t[a].upos != Upos::Propn
            || t[p].upos != Upos::Propn
            || t[p].head == Some(n)
            || cc.is_none()
            || (0..t.len()).any(|k| t[k].head == Some(n) && k > n)
        {
            continue;
        }
        // (The name's head must not lie inside the description's phrase.)
        if t[p].head.is_some_and(|h| (a..=n).contains(&h)) {
            continue;
        }
        t[p].head = Some(a);
        t[p].deprel = Deprel::Conj;
        t[n].head = Some(p);
        t[n].deprel = Deprel::NmodDesc;
        if let Some(cc) = cc {
            t[cc].head = Some(p);
        }
    }
}

/// "cut power to the provincial capital, Catbalogan": the parser hung the name after the comma
/// on the verb as an unmarked oblique, so the capital lost its name and the statement got a
/// qualifier that says nothing. A name hung on a verb with no preposition, right after a comma
/// that closes a noun phrase of the same verb, and not a day or a month, is that phrase's
/// apposition.
pub(super) fn apposition_read_as_an_unmarked_oblique(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    for p in 2..t.len() {
        let Some(v) = t[p].head else {
            continue;
        };
        if t[p].upos != Upos::Propn
            || !matches!(t[p].deprel, Deprel::OblUnmarked | Deprel::Dep)
            || t[p - 1].form != ","
            || t[v].upos != Upos::Verb
            || crate::timex::is_calendar_word(&t[p].form.to_lowercase())
            || (0..t.len()).any(|k| t[k].head == Some(p) && t[k].deprel == Deprel::Case)
        {
            continue;
        }
        // The noun phrase of the same verb that ends right before the comma.
        let Some(n) = (0..p - 1).rev().find(|&n| {
            t[n].head == Some(v)
                && matches!(t[n].upos, Upos::Noun | Upos::Propn)
                && matches!(
                    t[n].deprel.base(),
                    Deprel::Obj | Deprel::Obl | Deprel::Nsubj | Deprel::Iobj
                )
        }) else {
            continue;
        };
        if subtree_bounds(t, n).1 != p - 2 {
            continue;
        }
        t[p].head = Some(n);
        t[p].deprel = Deprel::Appos;
    }
}

/// "failed to reach the year-earlier level": the parser took the hyphen for a dash, so "the
/// year" was the object and "earlier level" its apposition ("the year be earlier level"). A
/// word joined by an unspaced hyphen to the phrase after it modifies that phrase's head: the
/// head takes the word's place, and the word (with its article) becomes its modifier.
pub(super) fn hyphenated_modifier_read_as_the_head(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    for h in 1..t.len().saturating_sub(1) {
        let (n, w) = (h - 1, h + 1);
        if t[h].xpos != Xpos::Hyph
            || t[n].space_after
            || t[h].space_after
            || !matches!(t[n].upos, Upos::Noun | Upos::Adj | Upos::Num)
        {
            continue;
        }
        // The head of the phrase after the hyphen, hung on the word before it.
        let mut m = w;
        while let Some(up) = t[m].head.filter(|&up| up > h) {
            m = up;
        }
        if t[m].head != Some(n)
            || !matches!(t[m].upos, Upos::Noun | Upos::Propn)
            || !matches!(
                t[m].deprel.base(),
                Deprel::Appos | Deprel::Dep | Deprel::Conj | Deprel::Parataxis
            )
        {
            continue;
        }
        // (Only when nothing after the phrase hangs on the word before the hyphen.)
        let (_, m_end) = subtree_bounds(t, m);
        if (m_end + 1..t.len()).any(|k| t[k].head == Some(n)) {
            continue;
        }
        t[m].head = t[n].head;
        t[m].deprel = t[n].deprel;
        for (k, tok) in t.iter_mut().enumerate() {
            if k != m && tok.head == Some(n) && (k < n || k == h) {
                tok.head = Some(if k == h { n } else { m });
            }
        }
        t[n].head = Some(m);
        t[n].deprel = if t[n].upos == Upos::Adj {
            Deprel::Amod
        } else {
            Deprel::Compound
        };
    }
}

/// "his first wife, Blanche, several members of the Blick family, …, his granddaughter Martha
/// Burleigh, and Pete Ingram, the Montana cowboy who …": the parser hung the list's items on its
/// first one as appositions, and the cowboy on the granddaughter, so the wife "was" several
/// members and the granddaughter the cowboy. A noun has one apposition: a second one after it
/// is the next item of a list (a conjunct); and an apposition after a conjunct of the noun is
/// that conjunct's.
pub(super) fn list_read_as_appositions(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    let n = t.len();
    for x in 0..n {
        let appos: Vec<usize> = (x + 1..n)
            .filter(|&k| t[k].head == Some(x) && t[k].deprel == Deprel::Appos)
            .collect();
        let conjuncts: Vec<usize> = (x + 1..n)
            .filter(|&k| t[k].head == Some(x) && t[k].deprel == Deprel::Conj)
            .collect();
        for (i, &a) in appos.iter().enumerate() {
            // After a conjunct set off by a comma: that conjunct's apposition.
            // (The comma may hang on the apposition itself.)
            let mut start = subtree_bounds(t, a).0;
            while start < a && t[start].upos == Upos::Punct {
                start += 1;
            }
            let set_off = start >= 1 && t[start - 1].form == ",";
            // (A description after a name: "and Pete Ingram, the Montana cowboy".)
            if let Some(&c) = conjuncts.iter().rev().find(|&&c| c < a) {
                if set_off && t[c].upos == Upos::Propn && t[a].upos == Upos::Noun {
                    t[a].head = Some(c);
                    continue;
                }
            }
            // A second apposition of a common noun, set off by a comma: the list's next item.
            if i > 0 && set_off && matches!(t[x].upos, Upos::Noun) && t[a].upos == Upos::Noun {
                t[a].deprel = Deprel::Conj;
            }
        }
    }
}

/// "violated the rights of investigative journalist Petar Dimitrov": the parser hung the
/// description and the name after it side by side on "rights", the name without its "of", so
/// the statement named the journalist but not whom. A common noun right before a name that
/// hangs on the same word with no preposition of its own is the name's description: the name
/// takes the noun's place (and preposition).
pub(super) fn description_and_name_read_as_siblings(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    for n in 0..t.len().saturating_sub(1) {
        let p = n + 1;
        let Some(h) = t[n].head else {
            continue;
        };
        if t[n].upos != Upos::Noun
            || t[p].upos != Upos::Propn
            || t[p].head != Some(h)
            || !matches!(
                t[p].deprel.base(),
                Deprel::Nmod | Deprel::Appos | Deprel::Dep
            )
            || !matches!(t[n].deprel.base(), Deprel::Nmod | Deprel::Obl | Deprel::Obj)
            || has_child(t, p, Deprel::Case)
            || (p + 1..t.len()).any(|k| t[k].head == Some(n))
        {
            continue;
        }
        t[p].head = t[n].head;
        t[p].deprel = t[n].deprel;
        for tok in t.iter_mut().take(n) {
            if tok.head == Some(n) && tok.deprel == Deprel::Case {
                tok.head = Some(p);
            }
        }
        t[n].head = Some(p);
        t[n].deprel = Deprel::NmodDesc;
    }
}

/// "the Dearborn, Mich., auto maker", "the Lancaster, Pa., company", "The Wellesley, Mass.,
/// maker of scientific instruments": newswire places a company by its town and state between
/// commas before the noun; the parser read the town as the phrase (an object of "said", a
/// subject) and the noun as an apposition of the state, so "Mass. be maker" and "stake be
/// company". After "the", a town and a state (an abbreviation with a full stop, or a place the
/// gazetteer knows) set off by commas, and a lowercase noun phrase: the noun heads the phrase,
/// the town is its modifier, the state the town's apposition.
pub(super) fn town_and_state_before_a_noun(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    let n = t.len();
    let capital =
        |x: &Token| x.upos == Upos::Propn && x.form.chars().next().is_some_and(char::is_uppercase);
    let g = crate::gazetteer::gazetteer();
    for c0 in 1..n {
        if t[c0 - 1].form.to_lowercase() != "the" || !capital(&t[c0]) {
            continue;
        }
        // The town: one to three proper nouns up to a comma.
        let Some(c1) = (c0 + 1..(c0 + 4).min(n)).find(|&k| t[k].form == ",") else {
            continue;
        };
        if !(c0..c1).all(|k| capital(&t[k])) {
            continue;
        }
        // The state: one or two proper nouns up to a second comma.
        let Some(s1) = (c1 + 2..(c1 + 4).min(n)).find(|&k| t[k].form == ",") else {
            continue;
        };
        let state: Vec<&str> = t[c1 + 1..s1].iter().map(|x| x.form.as_str()).collect();
        let abbreviation = state.len() == 1 && state[0].ends_with('.') && state[0].len() <= 6;
        if !(c1 + 1..s1).all(|k| capital(&t[k])) || !(abbreviation || g.place(&state).is_some()) {
            continue;
        }
        // The noun phrase after it: lowercase adjectives and nouns, the last noun its head.
        let mut end = s1 + 1;
        while end < n
            && matches!(t[end].upos, Upos::Noun | Upos::Adj)
            && t[end].form.chars().next().is_some_and(char::is_lowercase)
        {
            end += 1;
        }
        let Some(noun) = (s1 + 1..end).rev().find(|&k| t[k].upos == Upos::Noun) else {
            continue;
        };
        let inside = |k: usize| c0 - 1 <= k && k < end;
        let town = (c0..c1)
            .find(|&k| !t[k].head.is_some_and(|h| (c0..c1).contains(&h)))
            .unwrap_or(c0);
        let state_head = (c1 + 1..s1)
            .find(|&k| !t[k].head.is_some_and(|h| (c1 + 1..s1).contains(&h)))
            .unwrap_or(c1 + 1);
        // The noun takes the town's place unless it has a role outside the phrase.
        if t[noun].head.is_none_or(inside) {
            if let Some(h) = t[town].head.filter(|&h| !inside(h)) {
                t[noun].head = Some(h);
                t[noun].deprel = t[town].deprel;
            } else if t[town].head.is_none() {
                t[noun].head = None;
                t[noun].deprel = Deprel::Root;
            }
        }
        t[town].head = Some(noun);
        t[town].deprel = Deprel::Compound;
        t[state_head].head = Some(town);
        t[state_head].deprel = Deprel::Appos;
        t[c0 - 1].head = Some(noun);
        t[c0 - 1].deprel = Deprel::Det;
        t[c1].head = Some(state_head);
        t[c1].deprel = Deprel::Punct;
        t[s1].head = Some(state_head);
        t[s1].deprel = Deprel::Punct;
        // Words of the noun phrase hung on the town or the state are the noun's, and so is
        // the town's preposition ("in the Lancaster, Pa., company").
        for (k, tok) in t.iter_mut().enumerate() {
            let phrase = s1 < k && k < end && k != noun;
            let preposition = k < c0 && tok.deprel == Deprel::Case;
            if (phrase || preposition) && tok.head.is_some_and(|h| (c0..s1).contains(&h)) {
                tok.head = Some(noun);
            }
        }
    }
}

/// "The Commission fined Apple 1.8 billion euros": the parser made "Apple" a compound of
/// "euros", so who was fined was lost. A proper noun (or a run of them) right after a verb,
/// hanging on the verb's object and followed by a number of that object, is the verb's indirect
/// object.
pub(super) fn name_read_as_part_of_an_amount(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    let n = t.len();
    for v in 0..n {
        if !t[v].xpos.is_verb() || v + 2 >= n || !t[v + 1].xpos.is_proper_noun() {
            continue;
        }
        let Some(o) = (v + 1..n).find(|&o| t[o].head == Some(v) && t[o].deprel == Deprel::Obj)
        else {
            continue;
        };
        // The name's words, then a number inside the object's phrase.
        let mut end = v + 1;
        while end < o && t[end].xpos.is_proper_noun() {
            end += 1;
        }
        let number = t[end].xpos == Xpos::Cd
            && (end..=o).all(|k| k == o || t[k].head.is_some_and(|h| end <= h && h <= o));
        let name_head = (v + 1..end).find(|&k| t[k].head == Some(o));
        let inside = (v + 1..end).all(|k| t[k].head.is_some_and(|h| h == o || (v < h && h < end)));
        if let (true, true, Some(h)) = (number, inside, name_head) {
            t[h].head = Some(v);
            t[h].deprel = Deprel::Iobj;
        }
    }
}

/// "Modi spoke by phone with President Zelensky": the parser hung "with Zelensky" on "phone".
/// A name after "with" or "to", hung on the noun of a "by"/"via"/"over" phrase of a verb ("by
/// phone", "via video link", "over the telephone"), is the verb's: whom it was done with.
pub(super) fn partner_read_as_a_modifier_of_the_means(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    let n = t.len();
    for c in 0..n {
        let Some(o) = t[c].head else {
            continue;
        };
        let Some(v) = t[o].head else {
            continue;
        };
        let means = t[o].deprel == Deprel::Obl
            && t[v].xpos.is_verb()
            && matches!(case_word(t, o).as_deref(), Some("by" | "via" | "over"));
        if t[c].deprel == Deprel::Nmod
            && t[c].xpos.is_proper_noun()
            && means
            && matches!(case_word(t, c).as_deref(), Some("with" | "to"))
        {
            t[c].head = Some(v);
            t[c].deprel = Deprel::Obl;
        }
    }
}

/// "Bankman-Fried was convicted of fraud by a jury": the parser hung "by a jury" on "fraud",
/// so the conviction had no one convicting. A "by" phrase on the complement of a passive
/// verb that has no agent ("convicted of", "charged with", "arrested for", "found guilty on")
/// is its agent; deeper inside the complement, when it names someone who acts (a name or a
/// person or group noun: "on 34 counts of falsifying records | by a jury").
pub(super) fn agent_read_as_a_modifier(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    let n = t.len();
    for v in 0..n {
        let passive = (0..n).any(|c| t[c].head == Some(v) && t[c].deprel.marks_passive());
        let has_agent = (0..n).any(|c| {
            t[c].head == Some(v)
                && (t[c].deprel == Deprel::OblAgent
                    || (t[c].deprel.is_a(Deprel::Obl) && case_word(t, c).as_deref() == Some("by")))
        });
        if !passive || has_agent || t[v].xpos != Xpos::Vbn {
            continue;
        }
        // The verb's complement, right after it: "of fraud", "with murder", "on 34 counts".
        let Some(o) = (v + 1..n).find(|&o| {
            t[o].head == Some(v)
                && t[o].deprel == Deprel::Obl
                && matches!(
                    case_word(t, o).as_deref(),
                    Some("of" | "with" | "for" | "on")
                )
        }) else {
            continue;
        };
        // Hung on the complement, or deeper inside it when it names who can act ("on 34
        // counts of falsifying records | by a jury").
        let inside = |a: usize| {
            let mut cur = t[a].head;
            let mut steps = 0;
            while let Some(h) = cur.filter(|_| steps < n) {
                if h == o {
                    return true;
                }
                if h < o {
                    return false;
                }
                cur = t[h].head;
                steps += 1;
            }
            false
        };
        let Some(a) = (o + 1..n).find(|&a| {
            case_word(t, a).as_deref() == Some("by")
                && matches!(t[a].deprel, Deprel::Nmod | Deprel::Obl)
                && ((t[a].head == Some(o) && t[a].deprel == Deprel::Nmod)
                    || (inside(a)
                        && (t[a].xpos.is_proper_noun()
                            || crate::gazetteer::gazetteer()
                                .is_agent_noun(&t[a].lemma.to_lowercase())
                            || crate::gazetteer::gazetteer()
                                .is_agent_noun(&t[a].form.to_lowercase()))))
        }) else {
            continue;
        };
        t[a].head = Some(v);
        t[a].deprel = Deprel::OblAgent;
    }
}

/// "Protesters gathered outside parliament": the tagger read "outside" as an adverb, and the
/// parser made "parliament" the object of "gathered". A place word that can be a preposition,
/// modifying a verb right before the verb's object phrase, is that phrase's preposition, and
/// the phrase an oblique.
pub(super) fn preposition_read_as_an_adverb(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    for a in 0..t.len() {
        let form = t[a].form.to_lowercase();
        if t[a].deprel != Deprel::Advmod
            || !matches!(
                form.as_str(),
                "outside" | "inside" | "near" | "behind" | "beyond" | "beneath" | "underneath"
            )
        {
            continue;
        }
        let Some(v) = t[a].head else {
            continue;
        };
        // The object whose phrase starts right after the word.
        let Some(o) =
            (a + 1..t.len()).find(|&o| t[o].head == Some(v) && t[o].deprel == Deprel::Obj)
        else {
            continue;
        };
        if subtree_bounds(t, o).0 != a + 1 {
            continue;
        }
        t[a].head = Some(o);
        t[a].deprel = Deprel::Case;
        t[a].upos = Upos::Adp;
        t[a].xpos = Xpos::In;
        t[o].deprel = Deprel::Obl;
    }
}

/// "Erdogan met with Swedish Prime Minister Ulf Kristersson on the sidelines of the summit": the
/// parser hung "with" on "sidelines", beside its own "on", and made the name a subject and an
/// object inside that phrase, so the meeting lost its other side. A noun has one preposition;
/// when it has two, apart, with a noun phrase between them ("with … Kristersson | on the
/// sidelines"), the first marks that phrase, which hangs where the noun does. (EWT's gold trees
/// have 7 nouns with two separated prepositions, all with no noun between them: "from all over
/// the world", "for well over 12 years".)
pub(super) fn two_prepositions_on_one_noun(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    let n = t.len();
    let nominal = |x: &Token| x.xpos.is_noun() || matches!(x.xpos, Xpos::Prp | Xpos::Cd);
    for k in 0..n {
        let Some(k_head) = t[k].head else {
            continue;
        };
        let cases: Vec<usize> = (0..k)
            .filter(|&c| {
                t[c].head == Some(k) && t[c].deprel == Deprel::Case && t[c].xpos == Xpos::In
            })
            .collect();
        let Some((first, second)) = cases
            .windows(2)
            .map(|w| (w[0], w[1]))
            .find(|&(a, b)| b > a + 1)
        else {
            continue;
        };
        let span = first + 1..second;
        // A noun phrase, nothing of a clause, every word hanging inside the noun's phrase.
        // Its head: the last noun before any preposition or comma inside it ("with the
        // president | of France").
        let chunk_end = span
            .clone()
            .find(|&i| t[i].xpos == Xpos::In || t[i].xpos == Xpos::Comma)
            .unwrap_or(second);
        let Some(j) = (first + 1..chunk_end).rev().find(|&i| nominal(&t[i])) else {
            continue;
        };
        let phrase_only = span.clone().all(|i| {
            !(t[i].xpos.is_verb() || t[i].xpos == Xpos::Md)
                && t[i].head.is_some_and(|h| (first..=k).contains(&h))
        }) && !span.contains(&k_head);
        if !phrase_only {
            continue;
        }
        t[j].head = Some(k_head);
        t[j].deprel = t[k].deprel;
        t[first].head = Some(j);
        for i in span {
            if i == j {
                continue;
            }
            let outside = t[i].head.is_some_and(|h| !(first + 1..second).contains(&h));
            let argument = matches!(
                t[i].deprel.base(),
                Deprel::Nsubj | Deprel::Obj | Deprel::Iobj | Deprel::Obl
            );
            if outside || argument {
                t[i].head = Some(j);
                t[i].deprel = match t[i].xpos {
                    Xpos::Jj | Xpos::Jjr | Xpos::Jjs => Deprel::Amod,
                    Xpos::Dt | Xpos::PrpDollar => Deprel::Det,
                    Xpos::Cd => Deprel::Nummod,
                    _ => Deprel::Compound,
                };
            }
        }
    }
}

/// "told reporters that prices would fall", "told a news conference that the bank would keep
/// buying": the parser hung the that-clause on the listener as a relative clause, so the
/// statement lost its source. After a verb of telling, a clause with a subject of its own that
/// opens with "that" right after the listener is what was told.
pub(super) fn said_to_read_as_a_relative(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    for v in 0..t.len() {
        if !matches!(
            t[v].lemma.as_str(),
            "tell" | "inform" | "assure" | "warn" | "remind" | "notify" | "convince"
        ) {
            continue;
        }
        let Some(n) =
            (v + 1..t.len()).find(|&k| t[k].head == Some(v) && t[k].deprel == Deprel::Obj)
        else {
            continue;
        };
        let after = subtree_bounds(t, n);
        // The clause: a clausal modifier of the listener whose first word is "that".
        let Some(c) = (n + 1..t.len()).find(|&k| {
            t[k].head == Some(n) && matches!(t[k].deprel, Deprel::Acl | Deprel::AclRelcl)
        }) else {
            continue;
        };
        let (start, _) = subtree_bounds(t, c);
        let that = start;
        // (A subject other than "that" itself: "reporters that waited" is a relative clause.)
        let own_subject = (0..t.len())
            .any(|k| k != that && t[k].head == Some(c) && t[k].deprel.is_a(Deprel::Nsubj));
        if !t[that].form.eq_ignore_ascii_case("that") || t[that].head != Some(c) || !own_subject {
            continue;
        }
        // ("that" must open the clause right after the listener's own words.)
        if (n + 1..start).any(|k| t[k].head.is_none_or(|h| h < n || h > after.1)) {
            continue;
        }
        t[c].head = Some(v);
        t[c].deprel = Deprel::Ccomp;
        t[that].deprel = Deprel::Mark;
        t[that].upos = Upos::Sconj;
        t[that].xpos = Xpos::In;
    }
}

/// "Real Madrid beat Borussia Dortmund 2-0 in the final at Wembley on Saturday": the parser
/// hung the score on the object and everything after it on the score, so the match had no
/// place or time. A score ("2-0") right after a verb's object, a name, hung on it, is the
/// verb's, and so are the prepositional phrases hung on the score.
pub(super) fn score_read_as_a_modifier_of_the_object(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    for s in 1..t.len() {
        let score = t[s].form.split_once(['-', '–']).is_some_and(|(a, b)| {
            !a.is_empty()
                && !b.is_empty()
                && a.len() <= 3
                && b.len() <= 3
                && a.chars().all(|c| c.is_ascii_digit())
                && b.chars().all(|c| c.is_ascii_digit())
        });
        let Some(o) = t[s].head.filter(|&o| o < s) else {
            continue;
        };
        let Some(v) = t[o].head else {
            continue;
        };
        // The loser is a team, a name, right before the score (not "access code 600-480", nor
        // a date, "DATE September 16-18").
        let team = t[o].xpos.is_proper_noun()
            && (s - 1 == o || (t[s - 1].head == Some(o) && t[s - 1].deprel == Deprel::Flat));
        if !score || !team || t[o].deprel != Deprel::Obj || !t[v].xpos.is_verb() {
            continue;
        }
        t[s].head = Some(v);
        t[s].deprel = Deprel::OblUnmarked;
        for x in t.iter_mut().skip(s + 1) {
            if x.head == Some(s) && x.deprel.is_a(Deprel::Nmod) {
                x.head = Some(v);
                x.deprel = Deprel::Obl;
            }
        }
    }
}

/// Nouns that name a time after "next", "last" or "this" ("next month", "last night").
const TIME_NOUNS: [&str; 12] = [
    "day",
    "week",
    "weekend",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "spring",
    "summer",
    "autumn",
];

/// "Putin will visit Beijing next month": the parser made "Beijing" a compound of "month", so
/// the visit had no object. A proper noun right before "next/last/this" + a time noun that
/// hangs on a verb without an object, read as a compound of that noun, is the verb's object.
pub(super) fn object_read_as_part_of_a_time(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    for k in 0..t.len().saturating_sub(2) {
        let Some(h) = t[k].head else {
            continue;
        };
        let Some(v) = t[h].head else {
            continue;
        };
        let time_phrase = h == k + 2
            && matches!(
                t[k + 1].form.to_lowercase().as_str(),
                "next" | "last" | "this"
            )
            && TIME_NOUNS.contains(&t[h].form.to_lowercase().trim_end_matches('s'));
        // The name's first word, past the words hung on it; a name inside a prepositional
        // phrase stays there ("released by the Pew Center on Global Climate Change last week").
        let mut first = k;
        while first > 0 && t[first - 1].head == Some(k) {
            first -= 1;
        }
        let in_phrase = has_child(t, k, Deprel::Case)
            || (first > 0 && matches!(t[first - 1].xpos, Xpos::In | Xpos::To));
        if !t[k].xpos.is_proper_noun()
            || t[k].deprel != Deprel::Compound
            || !time_phrase
            || in_phrase
            || !t[v].xpos.is_verb()
            || has_child(t, v, Deprel::Obj)
        {
            continue;
        }
        // The name's first words hang on its last.
        t[k].head = Some(v);
        t[k].deprel = Deprel::Obj;
    }
}

/// Verbs that say something of their object with an adjective ("held rates steady", "shot
/// the man dead", "declared the vote void").
const OBJECT_PREDICATE_VERBS: &[&str] = &[
    "hold",
    "keep",
    "leave",
    "make",
    "find",
    "declare",
    "pronounce",
    "consider",
    "deem",
    "render",
    "set",
    "get",
    "turn",
    "paint",
    "push",
    "drive",
    "call",
    "rate",
    "judge",
    "prove",
    "shoot",
    "beat",
    "knock",
    "want",
    "like",
    "prefer",
    "break",
    "cut",
    "wipe",
];

/// "The Federal Reserve held interest rates steady on Wednesday": the parser made "steady" a
/// modifier of "rates" (and "on Wednesday" the adjective's), so what the Fed did to rates was
/// lost. English puts its adjectives before the noun; one right after a verb's object, hung on
/// it, says something of the object: it is the verb's `xcomp` ("kept the border closed", "left
/// rates unchanged") when the verb takes such a predicate. Not the few that follow their noun
/// by habit, "-ble" ones ("the money available", "the people responsible"), or any after
/// "something", "anyone" …, or "other" ("places other than"), or one with a complement of its
/// own ("issues related to your area").
pub(super) fn predicate_read_as_a_modifier_of_the_object(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    for a in 1..t.len() {
        let o = a - 1;
        let Some(v) = t[o].head else {
            continue;
        };
        let lower = t[a].form.to_lowercase();
        if t[a].xpos != Xpos::Jj
            || t[a].head != Some(o)
            || t[a].deprel != Deprel::Amod
            || t[o].deprel != Deprel::Obj
            || !t[o].xpos.is_noun()
            || !t[v].xpos.is_verb()
            || !OBJECT_PREDICATE_VERBS.contains(&t[v].lemma.as_str())
            || lower.ends_with("ble")
            || ["thing", "one", "body", "where"]
                .iter()
                .any(|e| t[o].form.to_lowercase().ends_with(e))
            || lower == "other"
            || !t[a].form.starts_with(|c: char| c.is_lowercase())
        {
            continue;
        }
        // An adjective with its own complement modifies the noun: "issues related to your
        // area", "a bag full of coins".
        let complement = (0..t.len()).any(|c| {
            t[c].head == Some(a)
                && t[c].deprel.is_a(Deprel::Obl)
                && matches!(
                    case_word(t, c).as_deref(),
                    Some("to" | "of" | "with" | "for" | "than" | "from" | "about")
                )
        });
        if complement {
            continue;
        }
        t[a].head = Some(v);
        t[a].deprel = Deprel::Xcomp;
    }
}

/// "led by Singapore-based Lotus Ventures": the parser made the place the phrase's head (the
/// agent) and "based" a preposition of the name, so Singapore led the round. A place joined by
/// a hyphen to "based", "owned", "backed" or "funded" modifies the noun phrase after it: that
/// phrase's head takes the place's attachment and the participle modifies it.
pub(super) fn place_based_read_as_the_head(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    for b in 2..t.len() {
        let participle = matches!(
            t[b].form.to_lowercase().as_str(),
            "based" | "owned" | "backed" | "funded" | "headquartered"
        );
        let x = b - 2;
        if !participle || t[b - 1].form != "-" || !t[x].xpos.is_noun() {
            continue;
        }
        // The head of the phrase after the participle: up from the word after it while the
        // head is a word after the participle, a few words on at most.
        if b + 1 >= t.len() {
            continue;
        }
        let mut h = b + 1;
        let mut steps = 0;
        while let Some(up) = t[h].head.filter(|&up| up > b && up < b + 8) {
            h = up;
            steps += 1;
            if steps > 8 {
                break;
            }
        }
        if !t[h].xpos.is_noun() {
            continue;
        }
        // The participle read as the head, the name its object ("Her publisher, Cairo-based
        // Dar Al-Nakhla, said": "based" the subject of "said"): the name heads the phrase, the
        // participle modifies it.
        if t[h].head == Some(b) && t[x].head == Some(b) && t[b].head.is_some_and(|g| g != h) {
            let (b_head, b_rel) = (t[b].head, t[b].deprel);
            t[h].head = b_head;
            t[h].deprel = b_rel;
            t[b].head = Some(h);
            t[b].deprel = Deprel::Amod;
            t[x].deprel = Deprel::Obl;
            // What hung on the participle beside the place and the name is the name's.
            for (k, tok) in t.iter_mut().enumerate() {
                if k != x && k != h && k != b - 1 && tok.head == Some(b) {
                    tok.head = Some(h);
                }
            }
            continue;
        }
        // Only when the place heads the phrase: the name hangs elsewhere, not under it.
        if t[x].head.is_some_and(|xh| (b..=h).contains(&xh)) || t[h].head == Some(x) {
            continue;
        }
        let (x_head, x_rel) = (t[x].head, t[x].deprel);
        // (Never under the phrase itself: that would make a cycle.)
        let mut up = x_head;
        let mut under_h = false;
        for _ in 0..t.len() {
            match up {
                Some(u) if u == h => {
                    under_h = true;
                    break;
                }
                Some(u) => up = t[u].head,
                None => break,
            }
        }
        if under_h {
            continue;
        }
        t[h].head = x_head;
        t[h].deprel = x_rel;
        // The place's preposition and determiner are the phrase's ("by").
        for tok in t[..x].iter_mut() {
            if tok.head == Some(x) && matches!(tok.deprel, Deprel::Case | Deprel::Det) {
                tok.head = Some(h);
            }
        }
        t[x].head = Some(b);
        t[x].deprel = Deprel::Obl;
        t[b - 1].head = Some(x);
        t[b - 1].deprel = Deprel::Punct;
        t[b].head = Some(h);
        t[b].deprel = Deprel::Amod;
    }
}

/// A verb's first nominal after it with no preposition, read as an oblique though the verb has
/// no object ("sentenced | former chief executive Sam Bankman-Fried to 25 years"): the object,
/// and the obliques and adverbial clauses hung on it are the verb's.
pub(super) fn object_read_as_an_oblique(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    for v in 0..t.len() {
        if t[v].upos != Upos::Verb || has_child(t, v, Deprel::Obj) || has_child(t, v, Deprel::Ccomp)
        {
            continue;
        }
        // The verb's first dependent after it.
        let Some(n) = (v + 1..t.len()).find(|&k| t[k].head == Some(v)) else {
            continue;
        };
        // (The subtree walk last: this runs for every verb of every sentence.)
        if t[n].deprel == Deprel::Obl
            && matches!(t[n].upos, Upos::Noun | Upos::Propn)
            && !has_child(t, n, Deprel::Case)
            && subtree_bounds(t, n).0 == v + 1
        {
            t[n].deprel = Deprel::Obj;
            // Obliques and adverbial clauses the parser hung on it modify the verb: a noun has
            // none ("… to 25 years in prison on Thursday for stealing …").
            for x in t.iter_mut().skip(n + 1) {
                if x.head == Some(n) && matches!(x.deprel, Deprel::Obl | Deprel::Advcl) {
                    x.head = Some(v);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::doc::Upos;
    use crate::repairs::notation::{parsed, tree};
    use crate::repairs::tree::repair as repair_tree;

    #[test]
    fn an_apposition_after_a_lists_last_item_is_that_items() {
        // "sacked coach Novák and his assistant , Volkov , on Monday"
        let text = "sacked/VERB/VBD/_/0/root coach/NOUN/NN/_/3/compound Novák/PROPN/NNP/_/1/obj \
             and/CCONJ/CC/_/6/cc his/PRON/PRP$/_/6/nmod:poss assistant/NOUN/NN/_/3/conj \
             ,/PUNCT/,/_/8/punct Volkov/PROPN/NNP/_/3/conj ,/PUNCT/,/_/8/punct \
             on/ADP/IN/_/11/case Monday/PROPN/NNP/_/1/obl";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s)[7], "Volkov/6/appos");
        // A list item before the conjunction stays an item: "Kenya , Uganda and Tanzania".
        let text = "Kenya/PROPN/NNP/_/0/root ,/PUNCT/,/_/3/punct Uganda/PROPN/NNP/_/1/conj \
             and/CCONJ/CC/_/5/cc Tanzania/PROPN/NNP/_/1/conj";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s)[2], "Uganda/1/conj");
    }

    #[test]
    fn a_description_joined_to_a_name_before_its_own_name_is_that_names_title() {
        // "Former judge Quispe and businessman Salazar will face each other", as the parser read
        // it: "businessman" the conjunct, Salazar a second subject.
        let text = "Former/ADJ/JJ/_/2/amod judge/NOUN/NN/_/3/nmod:desc Quispe/PROPN/NNP/_/8/nsubj \
             and/CCONJ/CC/_/5/cc businessman/NOUN/NN/_/3/conj Salazar/PROPN/NNP/_/8/nsubj \
             will/AUX/MD/_/8/aux face/VERB/VB/_/0/root each/DET/DT/_/8/obj other/ADJ/JJ/_/9/fixed";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[3..6],
            ["and/6/cc", "businessman/6/nmod:desc", "Salazar/3/conj"]
        );
        // A conjunct with no name right after it stays: "Quispe and staff met Salazar".
        let text = "Quispe/PROPN/NNP/_/4/nsubj and/CCONJ/CC/_/3/cc staff/NOUN/NN/_/1/conj \
             met/VERB/VBD/_/0/root Salazar/PROPN/NNP/_/4/obj";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s)[2], "staff/1/conj");
    }

    #[test]
    fn a_name_after_a_comma_hung_on_the_verb_is_the_apposition_of_the_phrase_before() {
        // "cut power to the capital , Catbalogan", the name an unmarked oblique of the verb.
        let text = "cut/VERB/VBD/_/0/root power/NOUN/NN/_/1/obj to/ADP/IN/_/5/case \
             the/DET/DT/_/5/det capital/NOUN/NN/_/1/obl ,/PUNCT/,/_/7/punct \
             Catbalogan/PROPN/NNP/_/1/obl:unmarked";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s)[6], "Catbalogan/5/appos");
        // A day stays when it was: "hit the capital , Monday".
        let text = "hit/VERB/VBD/_/0/root the/DET/DT/_/3/det capital/NOUN/NN/_/1/obj \
             ,/PUNCT/,/_/5/punct Monday/PROPN/NNP/_/1/obl:unmarked";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s)[4], "Monday/1/obl:unmarked");
    }

    #[test]
    fn a_word_hyphened_to_the_phrase_after_it_modifies_that_phrases_head() {
        // "reach the year-earlier level", the hyphen read as a dash: "level" the apposition.
        let mut s = parsed(
            "reach/VERB/VB/_/0/root the/DET/DT/_/3/det year/NOUN/NN/_/1/obj -/PUNCT/HYPH/_/6/punct \
             earlier/ADJ/JJR/_/6/amod level/NOUN/NN/_/3/appos",
            &[],
        );
        for i in [2, 3] {
            s.tokens[i].space_after = false;
        }
        repair_tree(&mut s);
        assert_eq!(
            tree(&s),
            [
                "reach/0/root",
                "the/6/det",
                "year/6/compound",
                "-/6/punct",
                "earlier/6/amod",
                "level/1/obj"
            ]
        );
        // A spaced dash stays: "the year - a good one".
        let text = "reach/VERB/VB/_/0/root the/DET/DT/_/3/det year/NOUN/NN/_/1/obj \
             -/PUNCT/HYPH/_/6/punct good/ADJ/JJ/_/6/amod one/NOUN/NN/_/3/appos";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s), tree(&parsed(text, &[])));
    }

    #[test]
    fn a_list_read_as_appositions_is_a_list() {
        // "his wife , Blanche , several members , and Pete Ingram , the cowboy": the members
        // hung on "wife" as a second apposition, the cowboy on "wife" after the conjunct.
        let text = "wife/NOUN/NN/_/0/root ,/PUNCT/,/_/3/punct Blanche/PROPN/NNP/_/1/appos \
             ,/PUNCT/,/_/6/punct several/ADJ/JJ/_/6/amod members/NOUN/NNS/_/1/appos \
             ,/PUNCT/,/_/10/punct and/CCONJ/CC/_/10/cc Pete/PROPN/NNP/_/10/compound \
             Ingram/PROPN/NNP/_/1/conj ,/PUNCT/,/_/13/punct the/DET/DT/_/13/det \
             cowboy/NOUN/NN/_/1/appos";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        let t = tree(&s);
        assert_eq!(t[2], "Blanche/1/appos");
        assert_eq!(t[5], "members/1/conj");
        assert_eq!(t[12], "cowboy/10/appos");
    }

    #[test]
    fn a_description_beside_the_name_it_describes_is_the_names() {
        // "the rights of investigative journalist Petar Dimitrov", both hung on "rights".
        let text = "violated/VERB/VBD/_/0/root the/DET/DT/_/3/det rights/NOUN/NNS/_/1/obj \
             of/ADP/IN/_/6/case investigative/ADJ/JJ/_/6/amod journalist/NOUN/NN/_/3/nmod \
             Petar/PROPN/NNP/_/3/nmod Dimitrov/PROPN/NNP/_/7/flat";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[3..8],
            [
                "of/7/case",
                "investigative/6/amod",
                "journalist/7/nmod:desc",
                "Petar/3/nmod",
                "Dimitrov/7/flat"
            ]
        );
    }

    #[test]
    fn a_town_and_state_before_a_noun_modify_it() {
        // "a stake in the Lancaster , Pa. , company": the company an apposition of "Pa.".
        let text = "stake/NOUN/NN/_/0/root in/ADP/IN/_/4/case the/DET/DT/_/4/det \
             Lancaster/PROPN/NNP/_/1/nmod ,/PUNCT/,/_/6/punct Pa./PROPN/NNP/_/4/conj \
             ,/PUNCT/,/_/8/punct company/NOUN/NN/_/6/appos";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(
            tree(&s),
            [
                "stake/0/root",
                "in/8/case",
                "the/8/det",
                "Lancaster/8/compound",
                ",/6/punct",
                "Pa./4/appos",
                ",/6/punct",
                "company/1/nmod"
            ]
        );
    }

    #[test]
    fn a_second_preposition_on_one_noun_marks_the_phrase_before_it() {
        // "Erdogan met with Swedish Minister Ulf Kristersson on the sidelines", as the parser
        // read it: "with" and "on" both on "sidelines", the name a subject and an object.
        let mut s = parsed(
            "Erdogan/_/NNP/_/2/nsubj met/_/VBD/_/0/root with/_/IN/_/10/case \
             Swedish/_/NNP/_/10/nsubj Minister/_/NNP/_/6/nmod Ulf/_/NNP/_/4/obj \
             Kristersson/_/NNP/_/6/flat on/_/IN/_/10/case the/_/DT/_/10/det \
             sidelines/_/NNS/_/2/obl ./_/./_/2/punct",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[2..],
            [
                "with/7/case",
                "Swedish/7/compound",
                "Minister/6/nmod",
                "Ulf/7/compound",
                "Kristersson/2/obl",
                "on/10/case",
                "the/10/det",
                "sidelines/2/obl",
                "./2/punct"
            ]
        );
        // The phrase's head is its first noun run's last noun: "with the president | of France".
        let mut s = parsed(
            "Kim/_/NNP/_/2/nsubj met/_/VBD/_/0/root with/_/IN/_/10/case the/_/DT/_/5/det \
             president/_/NN/_/10/nsubj of/_/IN/_/7/case France/_/NNP/_/5/nmod on/_/IN/_/10/case \
             the/_/DT/_/10/det sidelines/_/NNS/_/2/obl",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[2..7],
            [
                "with/5/case",
                "the/5/det",
                "president/2/obl",
                "of/7/case",
                "France/5/nmod"
            ]
        );
        // Two prepositions with no noun between them, or a clause between them, stay.
        for text in [
            "Tourists/_/NNS/_/2/nsubj came/_/VBD/_/0/root from/_/IN/_/6/case all/_/DT/_/6/det \
             over/_/IN/_/6/case the/_/DT/_/6/det world/_/NN/_/2/obl",
            "Crews/_/NNS/_/2/nsubj worked/_/VBD/_/0/root for/_/IN/_/7/case roads/_/NNS/_/7/nsubj \
             closed/_/VBN/_/7/acl in/_/IN/_/7/case winter/_/NN/_/2/obl",
        ] {
            let mut s = parsed(text, &[]);
            repair_tree(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
        }
    }

    #[test]
    fn a_place_word_before_the_object_is_its_preposition() {
        let mut s = parsed(
            "Crowds/_/NNS/_/2/nsubj gathered/_/VBD/_/0/root outside/_/RB/_/2/advmod \
             the/_/DT/_/5/det parliament/_/NN/_/2/obj",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[2..],
            ["outside/5/case", "the/5/det", "parliament/2/obl"]
        );
        // Not when something else comes between ("waited outside, then entered the hall"), or
        // the word is no place word ("then").
        for text in [
            "Crowds/_/NNS/_/2/nsubj waited/_/VBD/_/0/root outside/_/RB/_/2/advmod ,/_/,/_/2/punct \
             the/_/DT/_/6/det police/_/NNS/_/2/obj",
            "Crowds/_/NNS/_/2/nsubj entered/_/VBD/_/0/root then/_/RB/_/2/advmod the/_/DT/_/5/det \
             hall/_/NN/_/2/obj",
        ] {
            let mut s = parsed(text, &[]);
            repair_tree(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
        }
    }

    #[test]
    fn a_by_phrase_in_a_passive_verbs_complement_is_its_agent() {
        let text = "He/_/PRP/_/3/nsubj:pass was/_/VBD/_/3/aux:pass convicted/_/VBN/_/0/root \
             of/_/IN/_/5/case fraud/_/NN/_/3/obl by/_/IN/_/8/case a/_/DT/_/8/det \
             jury/_/NN/_/5/nmod";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s)[7], "jury/3/obl:agent");
        // Not when the verb has its agent, is active, or the phrase is no "by" phrase.
        for text in [
            "He/_/PRP/_/3/nsubj:pass was/_/VBD/_/3/aux:pass convicted/_/VBN/_/0/root \
             of/_/IN/_/5/case fraud/_/NN/_/3/obl by/_/IN/_/8/case a/_/DT/_/8/det \
             jury/_/NN/_/5/nmod by/_/IN/_/11/case the/_/DT/_/11/det court/_/NN/_/3/obl:agent",
            "They/_/PRP/_/2/nsubj accused/_/VBD/_/0/root him/_/PRP/_/2/obj of/_/IN/_/5/case \
             fraud/_/NN/_/2/obl by/_/IN/_/7/case proxy/_/NN/_/5/nmod",
            "He/_/PRP/_/3/nsubj:pass was/_/VBD/_/3/aux:pass charged/_/VBN/_/0/root \
             with/_/IN/_/5/case fraud/_/NN/_/3/obl in/_/IN/_/7/case court/_/NN/_/5/nmod",
        ] {
            let mut s = parsed(text, &[]);
            repair_tree(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
        }
    }

    #[test]
    fn a_by_phrase_deeper_in_the_complement_is_the_agent_when_it_can_act() {
        let text = "He/_/PRP/_/3/nsubj:pass was/_/VBD/_/3/aux:pass found/_/VBN/_/0/root \
             guilty/_/JJ/_/3/xcomp on/_/IN/_/6/case counts/_/NNS/_/3/obl of/_/IN/_/8/mark \
             falsifying/_/VBG/_/6/acl records/_/NNS/_/8/obj by/_/IN/_/12/case a/_/DT/_/12/det \
             jury/_/NN/_/8/obl";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s)[11], "jury/3/obl:agent");
        // "by hand" acts on nothing.
        let text = "He/_/PRP/_/3/nsubj:pass was/_/VBD/_/3/aux:pass found/_/VBN/_/0/root \
             guilty/_/JJ/_/3/xcomp on/_/IN/_/6/case counts/_/NNS/_/3/obl of/_/IN/_/8/mark \
             falsifying/_/VBG/_/6/acl records/_/NNS/_/8/obj by/_/IN/_/11/case hand/_/NN/_/8/obl";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s), tree(&parsed(text, &[])));
    }

    #[test]
    fn a_score_hung_on_the_object_is_the_verbs_with_what_hangs_on_it() {
        // "Madrid beat Dortmund 2-0 at Wembley on Saturday", as the parser read it.
        let text = "Madrid/_/NNP/_/2/nsubj beat/_/VBD/_/0/root Dortmund/_/NNP/_/2/obj \
             2-0/_/CD/_/3/nmod:unmarked at/_/IN/_/6/case Wembley/_/NNP/_/4/nmod on/_/IN/_/8/case \
             Saturday/_/NNP/_/4/nmod";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        let got = tree(&s);
        assert_eq!(got[3], "2-0/2/obl:unmarked");
        assert_eq!(
            (got[5].as_str(), got[7].as_str()),
            ("Wembley/2/obl", "Saturday/2/obl")
        );
        // Not a code or a range after a common noun ("access code 600-480"), nor one on a
        // subject.
        for text in [
            "They/_/PRP/_/2/nsubj entered/_/VBD/_/0/root code/_/NN/_/2/obj 600-480/_/CD/_/3/nmod",
            "Madrid/_/NNP/_/3/nsubj 2-0/_/CD/_/1/nmod won/_/VBD/_/0/root",
        ] {
            let mut s = parsed(text, &[]);
            repair_tree(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
        }
    }

    #[test]
    fn a_name_read_as_part_of_a_time_is_the_object() {
        // "Putin will visit Beijing next month", as the parser read it.
        let text = "Putin/_/NNP/_/3/nsubj will/_/MD/_/3/aux visit/_/VB/_/0/root \
             Beijing/_/NNP/_/6/compound next/_/JJ/_/6/amod month/_/NN/_/3/obl:unmarked \
             ./_/./_/3/punct";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s)[3], "Beijing/3/obj");
        // Not when the verb has an object, nor a common noun ("the trade fair next week"),
        // nor a name inside a prepositional phrase.
        for text in [
            "Putin/_/NNP/_/2/nsubj visited/_/VBD/_/0/root China/_/NNP/_/2/obj \
             Beijing/_/NNP/_/6/compound next/_/JJ/_/6/amod month/_/NN/_/2/obl:unmarked",
            "It/_/PRP/_/3/nsubj:pass was/_/VBD/_/3/aux:pass released/_/VBN/_/0/root \
             by/_/IN/_/6/case Global/_/NNP/_/6/compound Change/_/NNP/_/8/compound \
             last/_/JJ/_/8/amod week/_/NN/_/3/obl:unmarked",
            "Putin/_/NNP/_/2/nsubj visits/_/VBZ/_/0/root fair/_/NN/_/5/compound next/_/JJ/_/5/amod \
             week/_/NN/_/2/obl:unmarked",
        ] {
            let mut s = parsed(text, &[]);
            repair_tree(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
        }
    }

    #[test]
    fn an_adjective_after_the_object_is_said_of_it() {
        let text = "The/_/DT/_/3/det Fed/_/NNP/_/3/compound held/_/VBD/_/0/root \
             interest/_/NN/_/5/compound rates/_/NNS/_/3/obj steady/_/JJ/_/5/amod on/_/IN/_/8/case \
             Wednesday/_/NNP/_/6/obl";
        let mut s = parsed(text, &[]);
        s.tokens[2].lemma = "hold".into();
        repair_tree(&mut s);
        assert_eq!(tree(&s)[5], "steady/3/xcomp");
        // Not after a verb that takes no such predicate, nor an adjective with its own
        // complement, nor one that follows its noun by habit.
        for (text, verb) in [
            (
                "They/_/PRP/_/2/nsubj sold/_/VBD/_/0/root shares/_/NNS/_/2/obj \
                 steady/_/JJ/_/3/amod",
                "sell",
            ),
            (
                "We/_/PRP/_/2/nsubj found/_/VBD/_/0/root issues/_/NNS/_/2/obj \
                 related/_/JJ/_/3/amod to/_/IN/_/6/case tax/_/NN/_/4/obl",
                "find",
            ),
            (
                "We/_/PRP/_/2/nsubj made/_/VBD/_/0/root the/_/DT/_/4/det money/_/NN/_/2/obj \
                 available/_/JJ/_/4/amod",
                "make",
            ),
        ] {
            let mut s = parsed(text, &[]);
            s.tokens[1].lemma = verb.into();
            repair_tree(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
        }
    }

    #[test]
    fn a_name_hung_on_the_means_of_a_verb_is_the_verbs_partner() {
        let text = "Modi/_/NNP/_/2/nsubj spoke/_/VBD/_/0/root by/_/IN/_/4/case phone/_/NN/_/2/obl \
             with/_/IN/_/6/case Zelensky/_/NNP/_/4/nmod";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s)[5], "Zelensky/2/obl");
        // A name that is the means' own stays: "by a letter to the Times" is no partner's.
        let text =
            "She/_/PRP/_/2/nsubj replied/_/VBD/_/0/root in/_/IN/_/4/case letters/_/NNS/_/2/obl \
             to/_/IN/_/6/case Times/_/NNP/_/4/nmod";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s), tree(&parsed(text, &[])));
    }

    #[test]
    fn a_name_before_the_number_of_an_amount_is_the_indirect_object() {
        let text = "Brussels/_/NNP/_/2/nsubj fined/_/VBD/_/0/root Apple/_/NNP/_/6/compound \
             1.8/_/CD/_/5/compound billion/_/CD/_/6/nummod euros/_/NNS/_/2/obj";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s)[2], "Apple/2/iobj");
        // A name compounded with the object and no number after it stays: "bought Apple shares".
        let text = "They/_/PRP/_/2/nsubj bought/_/VBD/_/0/root Apple/_/NNP/_/4/compound \
             shares/_/NNS/_/2/obj";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s), tree(&parsed(text, &[])));
    }

    #[test]
    fn a_bare_noun_after_a_verb_without_object_is_its_object() {
        // "A judge sentenced Ana Lima to ten years on Friday", as the parser read it.
        let mut s = parsed(
            "judge/_/NN/_/2/nsubj sentenced/_/VBD/_/0/root Ana/_/NNP/_/2/obl Lima/_/NNP/_/3/flat \
             to/_/IN/_/7/case ten/_/CD/_/7/nummod years/_/NNS/_/3/obl on/_/IN/_/9/case \
             Friday/_/NNP/_/3/obl",
            &[],
        );
        for (t, u) in s
            .tokens
            .iter_mut()
            .zip([Upos::Noun, Upos::Verb, Upos::Propn, Upos::Propn])
        {
            t.upos = u;
        }
        repair_tree(&mut s);
        assert_eq!(tree(&s)[2], "Ana/2/obj");
        assert_eq!(tree(&s)[6], "years/2/obl");
        assert_eq!(tree(&s)[8], "Friday/2/obl");
        // With a preposition, or when the verb has an object, an oblique stays one.
        let text = "judge/_/NN/_/2/nsubj spoke/_/VBD/_/0/root of/_/IN/_/4/case Ana/_/NNP/_/2/obl";
        let mut s = parsed(text, &[]);
        s.tokens[1].upos = Upos::Verb;
        s.tokens[3].upos = Upos::Propn;
        let before = tree(&s);
        repair_tree(&mut s);
        assert_eq!(tree(&s), before);
    }

    #[test]
    fn what_was_told_is_no_relative_clause_of_the_listener() {
        // "Officials told reporters that prices would fall", as the parser read it.
        let mut s = parsed(
            "Officials/_/NNS/_/2/nsubj told/_/VBD/_/0/root reporters/_/NNS/_/2/obj \
             that/_/WDT/_/7/obj prices/_/NNS/_/7/nsubj would/_/MD/_/7/aux fall/_/VB/_/3/acl:relcl \
             ./_/./_/2/punct",
            &[],
        );
        s.tokens[1].lemma = "tell".into();
        repair_tree(&mut s);
        assert_eq!(tree(&s)[3], "that/7/mark");
        assert_eq!(tree(&s)[6], "fall/2/ccomp");
        // A relative clause without a subject of its own stays one ("told reporters that
        // waited outside").
        let text = "Officials/_/NNS/_/2/nsubj told/_/VBD/_/0/root reporters/_/NNS/_/2/obj \
             that/_/WDT/_/5/nsubj waited/_/VBD/_/3/acl:relcl outside/_/RB/_/5/advmod";
        let mut s = parsed(text, &[]);
        s.tokens[1].lemma = "tell".into();
        let before = tree(&s);
        repair_tree(&mut s);
        assert_eq!(tree(&s), before);
    }

    #[test]
    fn a_place_before_based_modifies_the_name_after_it() {
        let mut s = parsed(
            "round/_/NN/_/0/root led/_/VBN/_/1/acl by/_/IN/_/4/case Singapore/_/NNP/_/2/obl:agent \
             -/_/HYPH/_/4/punct based/_/VBN/_/8/case Lotus/_/NNP/_/8/compound \
             Ventures/_/NNPS/_/1/obl",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[2..],
            [
                "by/8/case",
                "Singapore/6/obl",
                "-/4/punct",
                "based/8/amod",
                "Lotus/8/compound",
                "Ventures/2/obl:agent"
            ]
        );
        // The participle read as the head of the phrase, the name its object.
        let mut s = parsed(
            "publisher/_/NN/_/7/nsubj ,/_/,/_/1/punct Cairo/_/NNP/_/5/obl:unmarked \
             -/_/HYPH/_/3/punct based/_/VBN/_/7/nsubj Dar/_/NNP/_/5/obj said/_/VBD/_/0/root",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[2..6],
            ["Cairo/5/obl", "-/3/punct", "based/6/amod", "Dar/7/nsubj"]
        );
    }
}
