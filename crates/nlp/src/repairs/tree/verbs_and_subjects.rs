//! Tree repairs that give a clause back its verb or its subject: a clause opened by "after" read
//! as a prepositional phrase, an opening participle or adjective read as the verb or the root, a
//! finite verb read as a modifier, two names joined by "and" split apart.

use super::{has_child, is_finite_verb, subtree_bounds};
use crate::doc::{Deprel, Sentence, Token, Upos, Xpos};
use crate::repairs::tags::{participle_only, past_tense, NAMING_PARTICIPLES};

/// The "and" that joins two names written "first and second", if they are: each phrase headed
/// by a name or a title, with a proper noun in it; the first phrase (its words left of the verb
/// `v`) ends right before the "and", and the second phrase starts with it (or right after it,
/// the "and" hung on the verb), so the "and" is the second phrase's. ("First time to go on a
/// cruise any and all info is appreciated" has neither.)
fn names_joined(t: &[Token], first: usize, second: usize, v: usize) -> Option<usize> {
    let and = (first + 1..second).find(|&i| {
        t[i].deprel == Deprel::Cc && matches!(t[i].form.to_lowercase().as_str(), "and" | "&")
    })?;
    let in_phrase = |mut i: usize, top: usize| {
        for _ in 0..t.len() {
            if i == top {
                return true;
            }
            match t[i].head {
                Some(h) if h != v => i = h,
                _ => return false,
            }
        }
        false
    };
    let words = |top: usize, from: usize, to: usize| (from..to).filter(move |&i| in_phrase(i, top));
    let first_end = words(first, 0, and).max();
    let second_start = words(second, 0, v).min();
    let propn =
        |top: usize, from: usize, to: usize| words(top, from, to).any(|i| t[i].upos == Upos::Propn);
    // Each phrase headed by a name or a title ("Chancellor Olaf Scholz"), not a common noun with
    // a name inside ("peace in the Holy Land | and the Palestinians will suffer").
    let named =
        |k: usize| t[k].upos == Upos::Propn || crate::gazetteer::gazetteer().is_title(&t[k].form);
    // (The "and" may hang on the verb itself: "The United States and Britain carried out".)
    let and_on_verb = t[and].head == Some(v) && second_start == Some(and + 1);
    let joined = first_end == Some(and - 1)
        && (second_start == Some(and) || and_on_verb)
        && propn(first, 0, and)
        && propn(second, and, v)
        && named(first)
        && named(second);
    joined.then_some(and)
}

/// "nine of the dead were police officers and three were civilians": the parser read "three" as
/// the number of the civilians, across their copula, so the second clause had no subject and
/// took the first one's. A number before a copula or auxiliary of the noun it counts is that
/// clause's subject.
pub(super) fn number_read_as_counting_its_predicate(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    for n in 0..t.len() {
        let Some(h) = t[n].head.filter(|&h| h > n + 1) else {
            continue;
        };
        let verb_between = (n + 1..h).any(|k| {
            t[k].head == Some(h) && matches!(t[k].deprel.base(), Deprel::Cop | Deprel::Aux)
        });
        let subject = (0..t.len()).any(|k| t[k].head == Some(h) && t[k].deprel.is_subject());
        if t[n].upos == Upos::Num && t[n].deprel == Deprel::Nummod && verb_between && !subject {
            t[n].deprel = Deprel::Nsubj;
        }
    }
}

/// "German Chancellor Olaf Scholz and French President Emmanuel Macron met in Paris": the parser
/// gave the verb two dependents, the first name an unmarked oblique (or a second subject) and
/// the second its subject with the "and" inside its phrase, so the meeting had one side. A
/// nominal dependent of the verb without a preposition, before its subject, joined to it by an
/// "and" in the subject's phrase, is the subject's first conjunct.
pub(super) fn coordinated_subject_split(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    for subject in 0..t.len() {
        let Some(v) = t[subject].head.filter(|&v| v > subject) else {
            continue;
        };
        if !t[subject].deprel.is_a(Deprel::Nsubj) || t[v].upos != Upos::Verb {
            continue;
        }
        let first = (0..subject).find(|&x| {
            t[x].head == Some(v)
                && matches!(
                    t[x].deprel,
                    Deprel::OblUnmarked | Deprel::Nsubj | Deprel::Dep
                )
                && matches!(t[x].upos, Upos::Noun | Upos::Propn)
                && !t
                    .iter()
                    .any(|c| c.head == Some(x) && c.deprel == Deprel::Case)
        });
        let Some(first) = first else {
            continue;
        };
        let Some(and) = names_joined(t, first, subject, v) else {
            continue;
        };
        t[first].deprel = t[subject].deprel;
        t[subject].head = Some(first);
        t[subject].deprel = Deprel::Conj;
        t[and].head = Some(subject);
    }
}

/// "German Chancellor Olaf Scholz and French President Emmanuel Macron agreed on Tuesday to …":
/// the parser made the first name the root and the verb a relative clause of it, with the second
/// name its subject, so the statement had Macron agree to Scholz. When a nominal root has a
/// relative clause whose subject comes after an "and" that belongs to that subject's phrase, and
/// no relative word opens the clause, the verb is the root and the two names its coordinated
/// subject.
pub(super) fn coordinated_subject_read_as_a_relative(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    let Some(root) = t.iter().position(|x| x.head.is_none()) else {
        return;
    };
    if !matches!(t[root].upos, Upos::Noun | Upos::Propn) {
        return;
    }
    let Some(v) = (root + 1..t.len()).find(|&i| {
        t[i].head == Some(root) && t[i].deprel == Deprel::AclRelcl && t[i].upos == Upos::Verb
    }) else {
        return;
    };
    let Some(subject) =
        (root + 1..v).find(|&i| t[i].head == Some(v) && t[i].deprel.is_a(Deprel::Nsubj))
    else {
        return;
    };
    // Nothing between the root and the verb is a relative word ("the chancellor and those who
    // agreed").
    let relative_word = (root + 1..v).any(|i| {
        matches!(t[i].xpos, Xpos::Wdt | Xpos::Wp | Xpos::WpDollar)
            || t[i].form.eq_ignore_ascii_case("that")
    });
    let and = match names_joined(t, root, subject, v) {
        Some(and) if !relative_word => and,
        _ => return,
    };
    let root_rel = std::mem::take(&mut t[root].deprel);
    t[v].head = None;
    t[v].deprel = root_rel;
    t[root].head = Some(v);
    t[root].deprel = t[subject].deprel;
    t[subject].head = Some(root);
    t[subject].deprel = Deprel::Conj;
    t[and].head = Some(subject);
    // The sentence's punctuation after the verb is the verb's.
    for x in t.iter_mut().skip(v + 1) {
        if x.head == Some(root) && x.deprel == Deprel::Punct {
            x.head = Some(v);
        }
    }
}

/// "Sudan's army and the Rapid Support Forces agreed to a ceasefire": the parser made "army"
/// the root and the finite verb a clausal modifier (acl) of "Forces", so the sentence had no
/// clause. A finite verb that is the sentence's only one, modifying the root noun's phrase with
/// no subject, marker or relative word of its own, right after that phrase, is the root, and the
/// noun its subject.
pub(super) fn finite_verb_read_as_a_modifier(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    let Some(r) = t.iter().position(|x| x.head.is_none()) else {
        return;
    };
    if !t[r].xpos.is_noun() {
        return;
    }
    let finite: Vec<usize> = (0..t.len())
        .filter(|&k| t[k].xpos.is_finite_or_modal())
        .collect();
    let [v] = finite[..] else {
        return;
    };
    // Under the root's phrase: the root itself, or a conjunct of it ("… and the Forces").
    let under_root = t[v]
        .head
        .is_some_and(|h| h == r || (t[h].head == Some(r) && t[h].deprel == Deprel::Conj));
    let own = |rel: Deprel| t.iter().any(|x| x.head == Some(v) && x.deprel.is_a(rel));
    let relative_word = t.iter().any(|x| x.head == Some(v) && x.xpos.is_wh());
    if t[v].deprel != Deprel::Acl
        || !under_root
        || own(Deprel::Nsubj)
        || own(Deprel::Mark)
        || relative_word
        || !(0..v).all(|k| k == r || t[k].head.is_some_and(|h| h < v))
    {
        return;
    }
    t[v].head = None;
    t[v].deprel = Deprel::Root;
    t[r].head = Some(v);
    t[r].deprel = Deprel::Nsubj;
    for x in t.iter_mut().skip(v + 1) {
        if x.head == Some(r) {
            x.head = Some(v);
        }
    }
}

/// "The European Court of Human Rights ruled on Tuesday that Bulgaria had violated …": the
/// parser read "ruled" as a participle modifying "Rights" and made the court the root, so the
/// ruling was lost and its content unattributed. A participle or past tense hung as a modifier
/// inside the root noun's phrase, with no subject, auxiliary or agent of its own, and followed
/// by a clause that "that" opens, is the sentence's verb: the noun phrase is its subject and
/// the that-clause its complement.
pub(super) fn saying_verb_read_as_a_modifier(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    let Some(r) = t.iter().position(|x| x.head.is_none()) else {
        return;
    };
    if !t[r].xpos.is_noun() {
        return;
    }
    // Inside the root's phrase: the root, or a noun hanging on it through nouns.
    let in_root_phrase = |t: &[Token], mut h: usize| {
        for _ in 0..t.len() {
            if h == r {
                return true;
            }
            if !t[h].xpos.is_noun() {
                return false;
            }
            match t[h].head {
                Some(up) => h = up,
                None => return false,
            }
        }
        false
    };
    let Some(v) = (r + 1..t.len()).find(|&v| {
        t[v].upos == Upos::Verb
            && matches!(t[v].xpos, Xpos::Vbn | Xpos::Vbd)
            && t[v].deprel == Deprel::Acl
            && t[v].head.is_some_and(|h| in_root_phrase(t, h))
    }) else {
        return;
    };
    let own = |t: &[Token], f: &dyn Fn(&Token) -> bool| t.iter().any(|x| x.head == Some(v) && f(x));
    if own(t, &|x| {
        x.deprel.is_subject() || matches!(x.deprel.base(), Deprel::Aux | Deprel::Mark)
    }) || own(t, &|x| x.deprel == Deprel::OblAgent)
        || (v + 1..t.len())
            .any(|k| t[k].head.is_some_and(|h| h == v) && t[k].form.to_lowercase() == "by")
    {
        return;
    }
    // The clause "that" opens, right after the verb's own words.
    let (_, v_end) = subtree_bounds(t, v);
    let Some(that) = (v_end + 1 < t.len())
        .then_some(v_end + 1)
        .filter(|&k| t[k].form.to_lowercase() == "that" && t[k].deprel == Deprel::Mark)
    else {
        return;
    };
    let Some(c) = t[that]
        .head
        .filter(|&c| c > that && t[c].upos == Upos::Verb)
    else {
        return;
    };
    t[v].head = None;
    t[v].deprel = Deprel::Root;
    t[v].xpos = Xpos::Vbd;
    t[r].head = Some(v);
    t[r].deprel = Deprel::Nsubj;
    t[c].head = Some(v);
    t[c].deprel = Deprel::Ccomp;
    for x in t.iter_mut().skip(v + 1) {
        if x.head == Some(r) {
            x.head = Some(v);
        }
    }
}

/// "Former U.S. President Donald Trump was found guilty …": the parser made the opening
/// adjective the root and hung the sentence's verb on it as a modifier clause. When the root is
/// the first word, an adjective without copula or subject, and a verb hanging on it has its own
/// subject after the adjective, that verb is the root and the adjective modifies the noun right
/// after it ("President", climbing compounds).
pub(super) fn adjective_read_as_the_root(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    if t.len() < 3 || t[0].head.is_some() || t[0].xpos != Xpos::Jj {
        return;
    }
    let kids = |t: &[Token], h: usize, rel: Deprel| {
        (0..t.len())
            .filter(|&k| t[k].head == Some(h) && t[k].deprel.is_a(rel))
            .collect::<Vec<_>>()
    };
    if !kids(t, 0, Deprel::Cop).is_empty() || !kids(t, 0, Deprel::Nsubj).is_empty() {
        return;
    }
    let Some(v) = (1..t.len()).find(|&v| {
        t[v].head == Some(0)
            && t[v].xpos.is_verb()
            && matches!(
                t[v].deprel,
                Deprel::Advcl
                    | Deprel::Acl
                    | Deprel::Parataxis
                    | Deprel::Ccomp
                    | Deprel::Dep
                    | Deprel::Conj
                    | Deprel::Xcomp
            )
            && !kids(t, v, Deprel::Nsubj).is_empty()
            && kids(t, v, Deprel::Nsubj).iter().all(|&s| s < v)
    }) else {
        return;
    };
    // The noun the adjective belongs to: the word after it, up its compounds and flat names.
    let mut k = 1;
    while let Some(h) = t[k].head.filter(|&h| {
        h > k && h < v && matches!(t[k].deprel, Deprel::Compound | Deprel::Flat | Deprel::Amod)
    }) {
        k = h;
    }
    if !t[k].xpos.is_noun() || k >= v {
        return;
    }
    t[v].head = None;
    t[v].deprel = Deprel::Root;
    for x in t.iter_mut() {
        if x.head == Some(0) {
            x.head = Some(v);
        }
    }
    t[0].head = Some(k);
    t[0].deprel = Deprel::Amod;
}

/// "The militants, who had crossed from Afghanistan, attacked a police station": the parser
/// made "militants" the root and hung "attacked" inside the relative clause set off by commas
/// ("The deal, worth about $10 billion, is expected to close" likewise). When the root is a
/// noun phrase followed by a parenthetical between two commas, and the first word after the
/// second comma is a verb (or its auxiliary) that hangs inside the parenthetical and has no
/// subject of its own, that verb is the root and the noun its subject.
pub(super) fn verb_after_a_parenthetical(sentence: &mut Sentence) {
    let t = &sentence.tokens;
    // The root noun, or the object of a verb of saying ("Officials said the fire, which started
    // in a kitchen, spread …", with "fire" the object of "said"): where the verb goes.
    let mut candidates: Vec<(usize, Option<usize>)> = Vec::new();
    if let Some(r) = t.iter().position(|x| x.head.is_none()) {
        if (0..r).all(|k| t[k].head.is_some_and(|h| h <= r)) {
            candidates.push((r, None));
        }
    }
    for (r, x) in t.iter().enumerate() {
        if let Some(s) = x.head.filter(|&s| s < r) {
            let saying = matches!(
                t[s].lemma.as_str(),
                "say" | "report" | "announce" | "warn" | "claim" | "confirm" | "believe" | "think"
            );
            let phrase = (s + 1..r).all(|k| t[k].head.is_some_and(|h| s < h && h <= r));
            if x.deprel == Deprel::Obj && saying && phrase {
                candidates.push((r, Some(s)));
            }
        }
    }
    for (r, governor) in candidates {
        verb_after_the_parenthetical_of(&mut sentence.tokens, r, governor);
    }
}

/// [`verb_after_a_parenthetical`] for the noun `r`: the verb found becomes the root (no
/// `governor`) or the governor's clausal complement.
fn verb_after_the_parenthetical_of(t: &mut [Token], r: usize, governor: Option<usize>) {
    let n = t.len();
    if !t[r].xpos.is_noun() || r + 1 >= n || t[r + 1].form != "," {
        return;
    }
    // A subject, not a prepositional phrase ("In other words, …").
    if t.iter()
        .any(|x| x.head == Some(r) && x.deprel == Deprel::Case)
    {
        return;
    }
    let c1 = r + 1;
    let Some(c2) = (c1 + 2..n).find(|&k| t[k].form == ",") else {
        return;
    };
    // The parenthetical is a relative clause ("who had crossed …") or has no finite verb
    // ("worth about $10 billion"), not a clause of its own.
    let relative = t[c1 + 1].xpos.is_wh();
    let finite = (c1 + 1..c2).any(|k| t[k].xpos.is_finite_or_modal());
    if !relative && finite {
        return;
    }
    let inside = |h: Option<usize>| h.is_some_and(|h| c1 < h && h < c2);
    // The verb: the first word after the comma, past an auxiliary or an adverb.
    let mut v = c2 + 1;
    while v < n && (t[v].upos == Upos::Aux || t[v].xpos == Xpos::Rb || t[v].xpos == Xpos::Md) {
        v += 1;
    }
    // (Or on the noun itself, as a clausal modifier: "the fire, which …, | spread".)
    let on_noun = t
        .get(v)
        .is_some_and(|x| x.head == Some(r) && x.deprel == Deprel::Acl);
    if v >= n || !t[v].xpos.is_verb() || !(inside(t[v].head) || on_noun) {
        return;
    }
    let own = |rel: Deprel, t: &[Token]| t.iter().any(|x| x.head == Some(v) && x.deprel.is_a(rel));
    if own(Deprel::Nsubj, t) || own(Deprel::Mark, t) {
        return;
    }
    let passive = own(Deprel::AuxPass, t);
    let auxiliary = (c2 + 1..v).any(|k| t[k].upos == Upos::Aux || t[k].xpos == Xpos::Md);
    for x in &mut t[c2 + 1..v] {
        x.head = Some(v);
    }
    t[v].head = governor;
    t[v].deprel = if governor.is_some() {
        Deprel::Ccomp
    } else {
        Deprel::Root
    }
    .to_owned();
    if t[v].xpos == Xpos::Vbn && !auxiliary {
        past_tense(&mut t[v]);
    }
    t[r].head = Some(v);
    t[r].deprel = if passive {
        Deprel::NsubjPass
    } else {
        Deprel::Nsubj
    }
    .to_owned();
    // What followed and hung on the noun (the final stop) is the verb's, or the governor's.
    for x in &mut t[v + 1..] {
        if x.head == Some(r) {
            x.head = Some(governor.unwrap_or(v));
        }
    }
}

/// A whole sentence read as a noun phrase with a participle ("The yen | weakened against the
/// dollar." as "the yen [that was] weakened …"): in a sentence that opens with a determiner, ends
/// with a full stop and has no finite verb or auxiliary anywhere, a participle right after the
/// subject's noun phrase and not followed by "by" (a passive's agent) is the verb, in the past.
pub(super) fn past_tense_read_as_a_modifier(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    if t.len() < 4
        || !matches!(t[0].xpos, Xpos::Dt | Xpos::PrpDollar)
        || t[t.len() - 1].form != "."
        || t.iter()
            .any(|x| is_finite_verb(x) || x.xpos == Xpos::Md || x.upos == Upos::Aux)
    {
        return;
    }
    let Some(r) = t.iter().position(|x| x.head.is_none()) else {
        return;
    };
    if !matches!(t[r].upos, Upos::Noun | Upos::Propn) {
        return;
    }
    // The participle: a clausal modifier of the root noun right after the noun's phrase.
    let Some(v) = (r + 1..t.len()).find(|&k| t[k].head == Some(r) && t[k].deprel == Deprel::Acl)
    else {
        return;
    };
    let form = t[v].form.to_lowercase();
    // The words before it are the noun's phrase, closed before the participle.
    let phrase_ends_before = (0..v).all(|k| k == r || t[k].head.is_some_and(|h| h < v));
    if t[v].xpos != Xpos::Vbn
        || t.get(v + 1)
            .is_some_and(|x| x.form.eq_ignore_ascii_case("by"))
        || !phrase_ends_before
        || NAMING_PARTICIPLES.contains(&form.as_str())
        || participle_only(&form)
    {
        return;
    }
    t[v].head = None;
    t[v].deprel = Deprel::Root;
    past_tense(&mut t[v]);
    t[r].head = Some(v);
    t[r].deprel = Deprel::Nsubj;
    // What followed the participle and hung on the noun belongs to the verb (",", ".").
    for x in t.iter_mut().skip(v + 1) {
        if x.head == Some(r) {
            x.head = Some(v);
        }
    }
}

/// Words that open an adverbial clause, which the parser sometimes reads as prepositions.
const CLAUSE_OPENERS: [&str; 9] = [
    "after", "before", "since", "until", "till", "because", "as", "while", "once",
];

/// Where `n`'s phrase starts, when an opener marks it as a preposition of `n` ("after the
/// company …").
fn opened_phrase(tokens: &[Token], n: usize) -> Option<usize> {
    let start = subtree_bounds(tokens, n).0;
    let opener = tokens[start].form.to_lowercase();
    (tokens[start].head == Some(n)
        && tokens[start].deprel == Deprel::Case
        && CLAUSE_OPENERS.contains(&opener.as_str()))
    .then_some(start)
}

/// Makes `n` the subject of verb `v` and the opener at `start` its marker.
fn open_clause(tokens: &mut [Token], n: usize, start: usize, v: usize) {
    tokens[n].head = Some(v);
    tokens[n].deprel = Deprel::Nsubj;
    tokens[start].head = Some(v);
    tokens[start].deprel = Deprel::Mark;
    tokens[start].upos = Upos::Sconj;
}

/// A participle clause after a comma read as an adjective of its object ("Dock workers walked
/// off the job on Thursday, halting container traffic": "halting" a modifier of "traffic", and
/// "traffic" an apposition of "Thursday"): the participle is an adverbial clause of the verb
/// before the comma and the noun its object, as in ", killing at least nine people".
pub(super) fn participle_clause_read_as_a_modifier(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    for g in 1..t.len() {
        if t[g].xpos != Xpos::Vbg || t[g].deprel != Deprel::Amod || t[g - 1].form != "," {
            continue;
        }
        let Some(n) = t[g].head.filter(|&n| n > g) else {
            continue;
        };
        // Only the noun's own modifiers between the participle and the noun.
        if !(g + 1..n).all(|k| t[k].head == Some(n)) || !t[n].xpos.is_noun() {
            continue;
        }
        // The verb of the clause before the comma: up from the noun to the first verb on the
        // left.
        let mut v = t[n].head;
        let mut steps = 0;
        while let Some(x) = v {
            if x < g && t[x].xpos.is_verb() && t[x].upos != Upos::Aux {
                break;
            }
            v = t[x].head;
            steps += 1;
            if steps > t.len() {
                v = None;
            }
        }
        let Some(v) = v else {
            continue;
        };
        t[g].head = Some(v);
        t[g].deprel = Deprel::Advcl;
        t[g - 1].head = Some(g);
        t[n].head = Some(g);
        t[n].deprel = Deprel::Obj;
    }
}

/// "The Moonies are now parents, producing new members": the parser hung the participle after
/// the comma on the predicate noun as a modifier, so "parents" produced members. A participle
/// set off by a comma and hung on a noun that is a copula's predicate (it has the copula and a
/// subject) is an adverbial clause of that predicate: the subject does it.
pub(super) fn participle_on_a_predicate_noun(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    for g in 1..t.len() {
        let Some(n) = t[g].head.filter(|&n| n < g) else {
            continue;
        };
        let before = (n + 1..g)
            .rev()
            .find(|&k| t[k].upos != Upos::Punct || t[k].form == ",");
        let set_off = g >= 1 && t[g - 1].form == "," || before.is_some_and(|k| t[k].form == ",");
        let predicate = (0..t.len()).any(|k| t[k].head == Some(n) && t[k].deprel == Deprel::Cop)
            && (0..t.len()).any(|k| t[k].head == Some(n) && t[k].deprel.is_subject());
        if t[g].xpos == Xpos::Vbg
            && t[g].deprel == Deprel::Acl
            && t[g - 1].form == ","
            && set_off
            && predicate
            && t[n].xpos.is_noun()
        {
            t[g].deprel = Deprel::Advcl;
        }
    }
}

/// A clause joined by "and", "but" or "or" read as the complement of the verb before it ("The
/// group did not claim responsibility for the raid, and the ministry did not confirm reports",
/// with "confirm" a `ccomp` of "claim"): a complement takes no coordinator, so it is a
/// conjunct. Read as a complement, the first verb reported the second and was no statement
/// of its own.
pub(super) fn coordinated_clause_read_as_a_complement(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    for v in 0..t.len() {
        if t[v].deprel != Deprel::Ccomp || t[v].head.is_none_or(|h| h >= v) {
            continue;
        }
        // The clause's first word, past punctuation, is the coordinator (the parser may hang
        // it on the subject).
        let (start, _) = subtree_bounds(t, v);
        let Some(cc) = (start..v)
            .find(|&k| t[k].upos != Upos::Punct && !matches!(t[k].form.as_str(), "," | ";"))
        else {
            continue;
        };
        let coordinator = t[cc].deprel == Deprel::Cc
            && matches!(t[cc].form.to_lowercase().as_str(), "and" | "but" | "or");
        if coordinator && !has_child(t, v, Deprel::Mark) {
            t[v].deprel = Deprel::Conj;
            t[cc].head = Some(v);
        }
    }
}

/// "Floods have killed at least 31 people and displaced about 200,000 in northeastern
/// Bangladesh": the parser made the second participle a conjunct of the first verb's object
/// ("people … and displaced"), so the floods displaced no one. A participle or past tense joined
/// by "and" or "or" to the object of a verb, with a phrase of its own after it, is that verb's
/// conjunct; an unmarked number after it is its object.
pub(super) fn coordinated_verb_read_as_a_conjunct_of_the_object(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    for v in 0..t.len() {
        let Some(n) = t[v].head.filter(|&n| n < v) else {
            continue;
        };
        let Some(g) = t[n].head.filter(|&g| g < n) else {
            continue;
        };
        let coordinated = (n + 1..v).any(|k| {
            t[k].head == Some(v)
                && t[k].deprel == Deprel::Cc
                && matches!(t[k].form.to_lowercase().as_str(), "and" | "or")
        });
        let own_phrase = (v + 1..t.len()).any(|k| t[k].head == Some(v) && t[k].upos != Upos::Punct);
        // (Lowercase: "a LOST and FOUND page" is a name.)
        if t[v].deprel == Deprel::Conj
            && t[v].upos == Upos::Verb
            && matches!(t[v].xpos, Xpos::Vbn | Xpos::Vbd)
            && t[v].form.chars().all(|c| !c.is_uppercase())
            && matches!(t[n].upos, Upos::Noun | Upos::Propn)
            && t[n].deprel == Deprel::Obj
            && t[g].upos == Upos::Verb
            && coordinated
            && own_phrase
        {
            t[v].head = Some(g);
            for tok in t.iter_mut().skip(v + 1) {
                if tok.head == Some(v) && tok.deprel == Deprel::OblUnmarked && tok.upos == Upos::Num
                {
                    tok.deprel = Deprel::Obj;
                }
            }
        }
    }
}

/// "asked Malawi to stop fixing the exchange rate of its currency, the kwacha, and to cut
/// fertiliser subsidies": the parser made "and" the head of "to cut" (a conjunction heads
/// nothing in UD), and the subsidy cuts were nobody's. A verb hung on a coordinator is a
/// conjunct of the last verb of its form before it (an infinitive of an infinitive, a past
/// tense of a past tense), and the coordinator its "cc".
pub(super) fn verb_hung_on_a_conjunction(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    for v in 1..t.len() {
        let Some(k) = t[v].head.filter(|&k| k < v) else {
            continue;
        };
        if t[v].upos != Upos::Verb || t[k].upos != Upos::Cconj {
            continue;
        }
        let form = t[v].xpos;
        let Some(first) = (0..k)
            .rev()
            .find(|&p| t[p].upos == Upos::Verb && t[p].xpos == form && t[p].head != Some(v))
        else {
            continue;
        };
        t[v].head = Some(first);
        t[v].deprel = Deprel::Conj;
        t[k].head = Some(v);
        t[k].deprel = Deprel::Cc;
    }
}

pub(super) fn subordinate_clause_read_as_conjunct(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    // The clause read as a modifier of its own subject: "fled after Israeli strikes | killed 20
    // people", with "killed" a clausal modifier (acl) of "strikes".
    for v in 0..t.len() {
        if t[v].deprel != Deprel::Acl
            || !is_finite_verb(&t[v])
            || has_child(t, v, Deprel::Nsubj)
            || has_child(t, v, Deprel::Mark)
        {
            continue;
        }
        let Some(n) = t[v].head.filter(|&n| n < v) else {
            continue;
        };
        let Some(above) = t[n].head else {
            continue;
        };
        let Some(start) = opened_phrase(t, n) else {
            continue;
        };
        // The noun's own words end right before the verb.
        let own_end =
            (start..v).all(|k| k == n || t[k].head.is_some_and(|h| (start..v).contains(&h)));
        if !own_end || !matches!(t[n].deprel, Deprel::Obl | Deprel::Nmod) {
            continue;
        }
        t[v].head = Some(above);
        t[v].deprel = Deprel::Advcl;
        open_clause(t, n, start, v);
    }
    for v in 0..t.len() {
        // (A finite verb is no open complement: "fell 5 percent after the company | warned" has
        // it as one.)
        if !matches!(
            t[v].deprel,
            Deprel::Conj | Deprel::Advcl | Deprel::Parataxis | Deprel::Xcomp
        ) || !is_finite_verb(&t[v])
            || has_child(t, v, Deprel::Nsubj)
            || has_child(t, v, Deprel::Cc)
        {
            continue;
        }
        let Some(h) = t[v].head.filter(|&h| h < v) else {
            continue;
        };
        // The noun phrase right before the verb, attached to the verb's head or to a word of its
        // clause ("fell 3 per cent after the company | reported …", under "cent").
        // The innermost such phrase that an opener starts ("fell against the yen | after the
        // Bank of Japan | spoke": both phrases end before the verb).
        let Some((n, start)) = (h + 1..v).find_map(|n| {
            let fits = t[n].head.is_some_and(|x| h <= x && x < n)
                && matches!(t[n].deprel, Deprel::Obl | Deprel::Nmod)
                && subtree_bounds(t, n).1 == v - 1;
            fits.then(|| opened_phrase(t, n).map(|start| (n, start)))
                .flatten()
        }) else {
            continue;
        };
        open_clause(t, n, start, v);
        t[v].deprel = Deprel::Advcl;
    }
}

pub(super) fn participle_read_as_the_verb(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    // A gerund the parser made a clausal subject ("Eating vegetables helps") is right.
    if t.len() < 3 || t[0].xpos != Xpos::Vbg || t[0].deprel.is_a(Deprel::Csubj) {
        return;
    }
    // The participle's object is the noun phrase right after it ...
    let Some(n) = (1..t.len()).find(|&k| t[k].head == Some(0) && t[k].deprel == Deprel::Obj) else {
        return;
    };
    let (lo, hi) = subtree_bounds(t, n);
    if lo != 1 || hi + 1 >= t.len() || !t[n].xpos.is_noun() {
        return;
    }
    // ... and the finite verb right after that has no subject of its own.
    let f = hi + 1;
    if !is_finite_verb(&t[f])
        || matches!(t[f].deprel, Deprel::Cop | Deprel::Aux | Deprel::AuxPass)
        || has_child(t, f, Deprel::Nsubj)
    {
        return;
    }
    // The participle has no other dependents than these and punctuation.
    if (1..t.len())
        .any(|k| t[k].head == Some(0) && k != n && k != f && t[k].deprel != Deprel::Punct)
    {
        return;
    }
    let participle_head = t[0].head;
    let participle_rel = std::mem::take(&mut t[0].deprel);
    // Where the participle stood for the clause (the root, or a clause of a saying verb that
    // the verb does not already fill), the verb takes its place.
    if t[f].head == Some(0) || t[f].head != participle_head {
        t[f].head = participle_head;
        t[f].deprel = participle_rel;
    }
    for x in t.iter_mut().skip(1) {
        if x.head == Some(0) {
            x.head = Some(f);
        }
    }
    t[n].head = Some(f);
    t[n].deprel = Deprel::Nsubj;
    t[0].head = Some(n);
    t[0].deprel = Deprel::Amod;
}

#[cfg(test)]
mod tests {
    use crate::doc::{Upos, Xpos};
    use crate::repairs::notation::{parsed, tree};
    use crate::repairs::tree::repair as repair_tree;

    #[test]
    fn a_verb_after_and_on_the_object_is_the_first_verbs_conjunct() {
        // "floods have killed 31 people and displaced about 200,000 in Bangladesh"
        let text = "floods/NOUN/NNS/_/3/nsubj have/AUX/VBP/_/3/aux killed/VERB/VBN/_/0/root \
             31/NUM/CD/_/5/nummod people/NOUN/NNS/_/3/obj and/CCONJ/CC/_/7/cc \
             displaced/VERB/VBN/_/5/conj about/ADV/RB/_/9/advmod 200,000/NUM/CD/_/7/obl:unmarked \
             in/ADP/IN/_/11/case Bangladesh/PROPN/NNP/_/7/obl";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s)[6], "displaced/3/conj");
        assert_eq!(tree(&s)[8], "200,000/7/obj");
    }

    #[test]
    fn a_verb_hung_on_and_is_a_conjunct_of_the_verb_before() {
        // "asked Malawi to stop fixing the rate , and to cut subsidies"
        let text = "asked/VERB/VBD/_/0/root Malawi/PROPN/NNP/_/1/iobj to/PART/TO/_/4/mark \
             stop/VERB/VB/_/1/xcomp fixing/VERB/VBG/_/4/xcomp the/DET/DT/_/7/det \
             rate/NOUN/NN/_/5/obj ,/PUNCT/,/_/9/punct and/CCONJ/CC/_/1/dep to/PART/TO/_/11/mark \
             cut/VERB/VB/_/9/acl subsidies/NOUN/NNS/_/11/obj";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s)[10], "cut/4/conj");
        assert_eq!(tree(&s)[8], "and/11/cc");
    }

    #[test]
    fn a_number_before_a_copula_is_its_clauses_subject() {
        // "nine were officers and three were civilians", "three" read as counting civilians.
        let text = "nine/NUM/CD/_/3/nsubj were/AUX/VBD/_/3/cop officers/NOUN/NNS/_/0/root \
             and/CCONJ/CC/_/7/cc three/NUM/CD/_/7/nummod were/AUX/VBD/_/7/cop \
             civilians/NOUN/NNS/_/3/conj";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s)[4], "three/7/nsubj");
        // A number right before its noun counts it.
        let text = "they/PRON/PRP/_/2/nsubj were/AUX/VBD/_/4/cop three/NUM/CD/_/4/nummod \
             civilians/NOUN/NNS/_/0/root";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s)[2], "three/4/nummod");
    }

    #[test]
    fn a_participle_after_a_comma_with_its_object_is_a_clause() {
        let mut s = parsed(
            "Workers/_/NNS/_/2/nsubj walked/_/VBD/_/0/root out/_/RP/_/2/compound:prt \
             on/_/IN/_/5/case Thursday/_/NNP/_/2/obl ,/_/,/_/9/punct halting/_/VBG/_/9/amod \
             container/_/NN/_/9/compound traffic/_/NN/_/5/appos ./_/./_/2/punct",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[5..9],
            [
                ",/7/punct",
                "halting/2/advcl",
                "container/9/compound",
                "traffic/7/obj"
            ]
        );
    }

    #[test]
    fn a_clause_after_and_is_no_complement() {
        let mut s = parsed(
            "Rebels/_/NNS/_/2/nsubj denied/_/VBD/_/0/root it/_/PRP/_/2/obj ,/_/,/_/8/punct \
             and/_/CC/_/8/cc the/_/DT/_/7/det army/_/NN/_/8/nsubj agreed/_/VBD/_/2/ccomp",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(tree(&s)[7], "agreed/2/conj");
        // A complement with its marker stays one.
        let mut s = parsed(
            "Rebels/_/NNS/_/2/nsubj said/_/VBD/_/0/root that/_/IN/_/5/mark \
             troops/_/NNS/_/5/nsubj left/_/VBD/_/2/ccomp",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(tree(&s)[4], "left/2/ccomp");
    }

    #[test]
    fn a_clause_opened_by_after_is_no_oblique_and_conjunct() {
        // "Crews cleared roads after the storm passed": the parser's reading.
        let mut s = parsed(
            "Crews/_/NNS/_/2/nsubj cleared/_/VBD/_/0/root roads/_/NNS/_/2/obj after/_/IN/_/6/case \
             the/_/DT/_/6/det storm/_/NN/_/2/obl passed/_/VBD/_/2/conj ./_/./_/2/punct",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[3..7],
            [
                "after/7/mark",
                "the/6/det",
                "storm/7/nsubj",
                "passed/2/advcl"
            ]
        );
        // The same with the verb an adverbial clause of its own: "Talks began as the union
        // voted".
        let mut s = parsed(
            "Talks/_/NNS/_/2/nsubj began/_/VBD/_/0/root as/_/IN/_/5/case the/_/DT/_/5/det \
             union/_/NN/_/2/obl voted/_/VBD/_/2/advcl",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[2..],
            ["as/6/mark", "the/5/det", "union/6/nsubj", "voted/2/advcl"]
        );
        // The verb read as an open complement, the noun phrase under the object: "Shares fell 5
        // percent after the company warned".
        let mut s = parsed(
            "Shares/_/NNS/_/2/nsubj fell/_/VBD/_/0/root 5/_/CD/_/4/nummod percent/_/NN/_/2/obj \
             after/_/IN/_/7/case the/_/DT/_/7/det company/_/NN/_/4/nmod warned/_/VBD/_/2/xcomp",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[4..],
            [
                "after/8/mark",
                "the/7/det",
                "company/8/nsubj",
                "warned/2/advcl"
            ]
        );
        // The phrase the opener starts lies inside another that ends before the verb: "The
        // dollar fell against the yen after the bank spoke".
        let mut s = parsed(
            "The/_/DT/_/2/det dollar/_/NN/_/3/nsubj fell/_/VBD/_/0/root against/_/IN/_/6/case \
             the/_/DT/_/6/det yen/_/NN/_/3/obl after/_/IN/_/9/case the/_/DT/_/9/det \
             bank/_/NN/_/6/nmod spoke/_/VBD/_/3/conj",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[5..],
            [
                "yen/3/obl",
                "after/10/mark",
                "the/9/det",
                "bank/10/nsubj",
                "spoke/3/advcl"
            ]
        );
        // The clause read as a modifier of its own subject: "fled after the strikes killed 20
        // people", "killed" an acl of "strikes".
        let mut s = parsed(
            "People/_/NNS/_/2/nsubj fled/_/VBD/_/0/root after/_/IN/_/5/case the/_/DT/_/5/det \
             strikes/_/NNS/_/2/obl killed/_/VBD/_/5/acl people/_/NNS/_/6/obj",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[2..],
            [
                "after/6/mark",
                "the/5/det",
                "strikes/6/nsubj",
                "killed/2/advcl",
                "people/6/obj"
            ]
        );
        // A true conjunct stays: "and" joins it, or it has a subject, or no opener precedes it.
        for text in [
            "Crews/_/NNS/_/2/nsubj cleared/_/VBD/_/0/root roads/_/NNS/_/2/obj after/_/IN/_/6/case \
             the/_/DT/_/6/det storm/_/NN/_/2/obl and/_/CC/_/8/cc left/_/VBD/_/2/conj",
            "Crews/_/NNS/_/2/nsubj cleared/_/VBD/_/0/root roads/_/NNS/_/2/obj with/_/IN/_/6/case \
             the/_/DT/_/6/det army/_/NN/_/2/obl left/_/VBD/_/2/conj",
        ] {
            let mut s = parsed(text, &[]);
            repair_tree(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
        }
    }

    #[test]
    fn an_opening_adjective_read_as_the_root_modifies_the_noun_after_it() {
        // "Former U.S. President Donald Trump was found guilty.", as the parser read it.
        let mut s = parsed(
            "Former/_/JJ/_/0/root U.S./_/NNP/_/3/compound President/_/NNP/_/4/nmod:desc \
             Donald/_/NNP/_/7/nsubj:pass Trump/_/NNP/_/4/flat was/_/VBD/_/7/aux:pass \
             found/_/VBN/_/1/advcl guilty/_/JJ/_/7/xcomp ./_/./_/1/punct",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(tree(&s)[0], "Former/3/amod");
        assert_eq!(tree(&s)[6], "found/0/root");
        assert_eq!(tree(&s)[8], "./7/punct");
        // Not without a subject of the verb, nor without a noun after the adjective.
        for text in [
            "Happy/_/JJ/_/0/root to/_/TO/_/3/mark help/_/VB/_/1/xcomp ./_/./_/1/punct",
            "Glad/_/JJ/_/0/root he/_/PRP/_/3/nsubj came/_/VBD/_/1/ccomp",
        ] {
            let mut s = parsed(text, &[]);
            repair_tree(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
        }
    }

    #[test]
    fn a_participle_after_a_predicate_noun_is_the_subjects_act() {
        // "The Moonies are now parents , producing new members": "producing" on "parents".
        let text = "Moonies/PROPN/NNPS/_/4/nsubj are/AUX/VBP/_/4/cop now/ADV/RB/_/4/advmod \
             parents/NOUN/NNS/_/0/root ,/PUNCT/,/_/6/punct producing/VERB/VBG/_/4/acl \
             members/NOUN/NNS/_/6/obj";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s)[5], "producing/4/advcl");
        // Without the copula it modifies the noun: "parents , producing members , met".
        let text = "parents/NOUN/NNS/_/5/nsubj ,/PUNCT/,/_/3/punct producing/VERB/VBG/_/1/acl \
             members/NOUN/NNS/_/3/obj met/VERB/VBD/_/0/root";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s)[2], "producing/1/acl");
    }

    #[test]
    fn a_saying_verb_read_as_a_modifier_of_the_root_noun_is_the_root() {
        // "The Court of Human Rights ruled that Bulgaria had violated …", as the parser read it:
        // "ruled" a participle on "Rights", "violated" a clause of the court.
        let text = "The/DET/DT/_/2/det Court/NOUN/NN/_/0/root of/ADP/IN/_/5/case \
             Human/ADJ/JJ/_/5/amod Rights/NOUN/NNS/_/2/nmod ruled/VERB/VBN/_/5/acl \
             that/SCONJ/IN/_/10/mark Bulgaria/PROPN/NNP/_/10/nsubj had/AUX/VBD/_/10/aux \
             violated/VERB/VBN/_/2/acl ./PUNCT/./_/2/punct";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        let t = tree(&s);
        assert_eq!(t[1], "Court/6/nsubj");
        assert_eq!(t[5], "ruled/0/root");
        assert_eq!(t[9], "violated/6/ccomp");
        assert_eq!(t[10], "./6/punct");
        // A participle with its agent stays a modifier: "the rules issued by the court that
        // …".
        let text = "The/DET/DT/_/2/det rules/NOUN/NNS/_/0/root issued/VERB/VBN/_/2/acl \
             by/ADP/IN/_/6/case the/DET/DT/_/6/det court/NOUN/NN/_/3/obl:agent \
             that/SCONJ/IN/_/9/mark they/PRON/PRP/_/9/nsubj apply/VERB/VBP/_/2/acl";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s)[2], "issued/2/acl");
    }

    #[test]
    fn a_finite_verb_read_as_a_modifier_of_the_root_noun_is_the_root() {
        // "Sudan's army and the Forces agreed to a ceasefire", as the parser read it.
        let mut s = parsed(
            "Sudan/_/NNP/_/3/nmod:poss 's/_/POS/_/1/case army/_/NN/_/0/root and/_/CC/_/6/cc \
             the/_/DT/_/6/det Forces/_/NNS/_/3/conj agreed/_/VBD/_/6/acl to/_/IN/_/10/case \
             a/_/DT/_/10/det ceasefire/_/NN/_/7/obl ./_/./_/3/punct",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[2..8],
            [
                "army/7/nsubj",
                "and/6/cc",
                "the/6/det",
                "Forces/3/conj",
                "agreed/0/root",
                "to/10/case"
            ]
        );
        assert_eq!(tree(&s)[10], "./7/punct");
        // Not a relative clause, nor when the sentence has another finite verb.
        for text in [
            "the/_/DT/_/2/det army/_/NN/_/0/root that/_/WDT/_/4/nsubj agreed/_/VBD/_/2/acl",
            "the/_/DT/_/2/det army/_/NN/_/0/root agreed/_/VBD/_/2/acl and/_/CC/_/5/cc \
             left/_/VBD/_/2/conj",
        ] {
            let mut s = parsed(text, &[]);
            repair_tree(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
        }
    }

    #[test]
    fn a_verb_after_a_parenthetical_is_the_root() {
        // "The militants, who had crossed, attacked a station", as the parser read it.
        let mut s = parsed(
            "The/_/DT/_/2/det militants/_/NNS/_/0/root ,/_/,/_/6/punct who/_/WP/_/6/nsubj \
             had/_/VBD/_/6/aux crossed/_/VBN/_/2/acl:relcl ,/_/,/_/8/punct \
             attacked/_/VBN/_/6/advcl a/_/DT/_/10/det station/_/NN/_/8/obj ./_/./_/2/punct",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(tree(&s)[1], "militants/8/nsubj");
        assert_eq!(tree(&s)[7], "attacked/0/root");
        assert_eq!(tree(&s)[10], "./8/punct");
        assert_eq!(s.tokens[7].xpos, Xpos::Vbd);
        // The object of a verb of saying: "Officials said the fire, which started in a
        // kitchen, spread".
        let mut s = parsed(
            "Officials/_/NNS/_/2/nsubj said/_/VBD/_/0/root the/_/DT/_/4/det fire/_/NN/_/2/obj \
             ,/_/,/_/7/punct which/_/WDT/_/7/nsubj started/_/VBD/_/4/acl:relcl ,/_/,/_/9/punct \
             spread/_/VBN/_/7/conj ./_/./_/2/punct",
            &[],
        );
        s.tokens[1].lemma = "say".into();
        repair_tree(&mut s);
        assert_eq!(tree(&s)[3], "fire/9/nsubj");
        assert_eq!(tree(&s)[8], "spread/2/ccomp");
        // The same with the verb hung on the noun itself.
        let mut s = parsed(
            "Officials/_/NNS/_/2/nsubj said/_/VBD/_/0/root the/_/DT/_/4/det fire/_/NN/_/2/obj \
             ,/_/,/_/7/punct which/_/WDT/_/7/nsubj started/_/VBD/_/4/acl:relcl ,/_/,/_/9/punct \
             spread/_/VBN/_/4/acl ./_/./_/2/punct",
            &[],
        );
        s.tokens[1].lemma = "say".into();
        repair_tree(&mut s);
        assert_eq!(tree(&s)[8], "spread/2/ccomp");
        // Not after a prepositional phrase, nor after a clause of its own.
        for text in [
            "In/_/IN/_/2/case words/_/NNS/_/0/root ,/_/,/_/5/punct they/_/PRP/_/5/nsubj \
             were/_/VBD/_/2/parataxis ,/_/,/_/7/punct mired/_/VBN/_/5/advcl",
            "Officials/_/NNS/_/0/root ,/_/,/_/4/punct police/_/NNS/_/4/nsubj \
             said/_/VBD/_/1/parataxis ,/_/,/_/6/punct left/_/VBN/_/4/advcl",
        ] {
            let mut s = parsed(text, &[]);
            repair_tree(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
        }
    }

    #[test]
    fn an_opening_participle_modifies_the_subject() {
        // "Protesting farmers blocked roads, police said", as the parser read it.
        let text = "Protesting/_/VBG/_/7/ccomp farmers/_/NNS/_/1/obj blocked/_/VBD/_/7/ccomp \
             roads/_/NNS/_/3/obj ,/_/,/_/3/punct police/_/NNS/_/7/nsubj said/_/VBD/_/0/root";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[..3],
            ["Protesting/2/amod", "farmers/3/nsubj", "blocked/7/ccomp"]
        );
        // The participle as the whole sentence's root: the verb takes its place.
        let mut s = parsed(
            "Rising/_/VBG/_/0/root prices/_/NNS/_/1/obj hurt/_/VBD/_/1/parataxis \
             shops/_/NNS/_/3/obj",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s),
            [
                "Rising/2/amod",
                "prices/3/nsubj",
                "hurt/0/root",
                "shops/3/obj"
            ]
        );
        // A gerund subject is right as it is.
        let text = "Eating/_/VBG/_/3/csubj vegetables/_/NNS/_/1/obj helps/_/VBZ/_/0/root \
             digestion/_/NN/_/3/obj";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s), tree(&parsed(text, &[])));
    }

    #[test]
    fn a_sentence_read_as_a_noun_with_a_participle_has_its_verb_back() {
        let reading = |text: &str| {
            let mut s = parsed(text, &[]);
            for t in &mut s.tokens {
                t.upos = match t.xpos {
                    Xpos::Nn => Upos::Noun,
                    Xpos::Vbn | Xpos::Vbd => Upos::Verb,
                    _ => Upos::X,
                };
            }
            s
        };
        // "The river flooded across the valley ." as the parser read it.
        let mut s = reading(
            "The/_/DT/_/2/det river/_/NN/_/0/root flooded/_/VBN/_/2/acl across/_/IN/_/6/case \
             the/_/DT/_/6/det valley/_/NN/_/3/obl ./_/./_/2/punct",
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[..3],
            ["The/2/det", "river/3/nsubj", "flooded/0/root"]
        );
        assert_eq!(tree(&s)[6], "./3/punct");
        assert_eq!(s.tokens[2].xpos, Xpos::Vbd);
        // A passive with its agent, a fragment without determiner, and a sentence with a verb
        // elsewhere stay as they are.
        for text in [
            "The/_/DT/_/2/det river/_/NN/_/0/root flooded/_/VBN/_/2/acl by/_/IN/_/5/case \
             rain/_/NN/_/3/obl ./_/./_/2/punct",
            "River/_/NN/_/0/root flooded/_/VBN/_/1/acl across/_/IN/_/5/case the/_/DT/_/5/det \
             valley/_/NN/_/2/obl ./_/./_/1/punct",
            "The/_/DT/_/2/det river/_/NN/_/5/nsubj flooded/_/VBN/_/2/acl again/_/RB/_/3/advmod \
             rose/_/VBD/_/0/root ./_/./_/5/punct",
        ] {
            let mut s = reading(text);
            let before = tree(&s);
            repair_tree(&mut s);
            assert_eq!(tree(&s), before, "{text}");
        }
    }

    #[test]
    fn a_coordinated_subject_read_as_a_relative_clause_is_the_subject() {
        let mut s = parsed(
            "German/_/_/_/2/amod Chancellor/_/_/_/0/root Scholz/_/_/_/2/flat and/_/_/_/6/cc \
             French/_/_/_/6/amod Macron/_/_/_/7/nsubj agreed/_/_/_/2/acl:relcl to/_/_/_/9/mark \
             act/_/_/_/7/xcomp ./_/_/_/2/punct",
            &[],
        );
        for (i, u) in [
            (1, Upos::Propn),
            (2, Upos::Propn),
            (5, Upos::Propn),
            (6, Upos::Verb),
        ] {
            s.tokens[i].upos = u;
        }
        repair_tree(&mut s);
        assert_eq!(
            tree(&s),
            [
                "German/2/amod",
                "Chancellor/7/nsubj",
                "Scholz/2/flat",
                "and/6/cc",
                "French/6/amod",
                "Macron/2/conj",
                "agreed/0/root",
                "to/9/mark",
                "act/7/xcomp",
                "./7/punct"
            ]
        );
        // A true relative clause ("the chancellor and those who agreed") and one without a
        // coordinated subject ("the chancellor Macron praised") are left alone.
        for text in [
            "Chancellor/_/_/_/0/root and/_/_/_/3/cc Macron/_/_/_/5/nsubj who/_/WP/_/5/nsubj \
             agreed/_/_/_/1/acl:relcl",
            "Chancellor/_/_/_/0/root Macron/_/_/_/3/nsubj praised/_/_/_/1/acl:relcl",
            // Not two names: "time … any and all info is appreciated".
            "time/_/_/_/0/root any/_/_/_/4/amod and/_/_/_/4/cc all/_/_/_/5/det \
             info/_/_/_/6/nsubj:pass appreciated/_/_/_/1/acl:relcl",
        ] {
            let mut s = parsed(text, &[]);
            s.tokens[0].upos = Upos::Propn;
            let v = s.tokens.len() - 1;
            s.tokens[v].upos = Upos::Verb;
            let before = tree(&s);
            repair_tree(&mut s);
            assert_eq!(tree(&s), before, "{text}");
        }
    }

    #[test]
    fn a_coordinated_subject_split_into_two_dependents_is_one_subject() {
        // "Chancellor Scholz and President Macron met in Paris", the first name an oblique.
        let text = "Chancellor/_/_/_/6/obl:unmarked Scholz/_/_/_/1/flat and/_/_/_/4/cc \
             President/_/_/_/5/nmod:desc Macron/_/_/_/6/nsubj met/_/_/_/0/root in/_/_/_/8/case \
             Paris/_/_/_/6/obl";
        let mut s = parsed(text, &[]);
        for (i, u) in [
            (0, Upos::Noun),
            (1, Upos::Propn),
            (3, Upos::Propn),
            (4, Upos::Propn),
            (5, Upos::Verb),
        ] {
            s.tokens[i].upos = u;
        }
        repair_tree(&mut s);
        let got = tree(&s);
        assert_eq!(got[0], "Chancellor/6/nsubj");
        assert_eq!(got[2], "and/5/cc");
        assert_eq!(got[4], "Macron/1/conj");
        // Two subjects with the "and" hung on the verb: "The United States and Britain struck".
        let text = "The/_/_/_/3/det United/_/_/_/3/amod States/_/_/_/6/nsubj and/_/_/_/6/cc \
             Britain/_/_/_/6/nsubj struck/_/_/_/0/root";
        let mut s = parsed(text, &[]);
        for (i, u) in [
            (1, Upos::Adj),
            (2, Upos::Propn),
            (4, Upos::Propn),
            (5, Upos::Verb),
        ] {
            s.tokens[i].upos = u;
        }
        repair_tree(&mut s);
        let got = tree(&s);
        assert_eq!(got[2], "States/6/nsubj");
        assert_eq!(got[3], "and/5/cc");
        assert_eq!(got[4], "Britain/3/conj");
        // A first phrase with a preposition, or without an "and" in the subject, stays.
        for text in [
            "In/_/_/_/2/case Paris/_/_/_/6/obl:unmarked and/_/_/_/5/cc President/_/_/_/5/nmod:desc \
             Macron/_/_/_/6/nsubj met/_/_/_/0/root",
            "Yesterday/_/_/_/3/obl:unmarked Macron/_/_/_/3/nsubj met/_/_/_/0/root",
            // A common noun with a name inside: two clauses, not one subject.
            "peace/_/_/_/8/nsubj in/_/_/_/4/case Holy/_/_/_/4/amod Land/_/_/_/1/nmod \
             and/_/_/_/7/cc the/_/_/_/7/det Palestinians/_/_/_/8/nsubj suffer/_/_/_/0/root",
            // The "and" joins the first phrase's own conjunct.
            "Monday/_/_/_/5/obl:unmarked and/_/_/_/3/cc Tuesday/_/_/_/1/conj Macron/_/_/_/5/nsubj \
             met/_/_/_/0/root",
        ] {
            let mut s = parsed(text, &[]);
            for t in &mut s.tokens {
                t.upos = match t.form.as_str() {
                    "met" | "suffer" => Upos::Verb,
                    "peace" => Upos::Noun,
                    _ => Upos::Propn,
                };
            }
            let before = tree(&s);
            repair_tree(&mut s);
            assert_eq!(tree(&s), before, "{text}");
        }
    }
}
