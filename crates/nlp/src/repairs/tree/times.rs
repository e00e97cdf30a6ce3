//! Tree repairs for the time of an event: a news clause's day, month or year hung by the parser
//! deep inside the phrase after its verb.

use super::case_word;
use crate::doc::{Deprel, Sentence, Token, Upos, Xpos};

/// "Gunmen killed 12 people in an attack on a police post near the town of Lucunga in northern
/// Mozambique on Tuesday": the parser hung "on Tuesday" on "Mozambique", and "signed an agreement
/// on sharing water from the river in Tashkent on Monday" has it on "sharing", so the killing
/// and the signing had no time. News puts the time of the reported event at the end of its
/// clause, whatever noun comes before it: a time expression hung on a noun (or on a gerund
/// modifying one) after the clause's verb is the verb's, unless the verb has a time already.
///
/// Only rightwards and through the verb's objects and obliques: a time inside the subject ("the
/// attack on Tuesday killed 12") or hung on a participle of its own ("a law passed in 2019") or
/// a relative clause stays where it is.
pub(super) fn time_read_as_a_modifier_of_a_noun(sentence: &mut Sentence) {
    let spans: Vec<(usize, usize)> = crate::timex::find(&sentence.tokens, None)
        .iter()
        .map(|t| (t.start, t.end))
        .collect();
    let t = &mut sentence.tokens;
    for &(start, end) in &spans {
        // The expression's head: its one word hung outside it.
        let mut outside = (start..end).filter(|&k| t[k].head.is_none_or(|h| h < start || h >= end));
        let (Some(h), None) = (outside.next(), outside.next()) else {
            continue;
        };
        if !names_a_calendar_time(&t[start..end]) || start > 0 && t[start - 1].form == "(" {
            continue;
        }
        let Some(v) = clause_verb_above(t, h) else {
            continue;
        };
        let has_time = spans
            .iter()
            .any(|&(s, e)| (s..e).any(|k| t[k].head == Some(v) && t[k].deprel.is_a(Deprel::Obl)));
        if v < start && !has_time {
            t[h].head = Some(v);
            t[h].deprel = if case_word(t, h).is_some() {
                Deprel::Obl
            } else {
                Deprel::OblUnmarked
            };
        }
    }
}

/// The verb whose clause the time phrase headed by `h` should modify, when the parser hung the
/// phrase on a noun of that clause's objects or obliques (or on a gerund modifying one): climbs
/// through nominal modifiers, objects, obliques, appositions, conjuncts and gerunds to the first
/// other verb. `None` when the phrase is not hung on a noun or gerund, or when the way up passes
/// a subject or anything else.
fn clause_verb_above(t: &[Token], h: usize) -> Option<usize> {
    if !hung_on_a_noun_or_gerund(t, h) {
        return None;
    }
    let mut x = t[h].head?;
    for _ in 0..t.len() {
        let token = &t[x];
        if token.xpos.is_verb() && !is_gerund_modifier(token) {
            return Some(x);
        }
        let climbs = is_gerund_modifier(token)
            || (is_nominal(token)
                && (token.deprel.is_object()
                    || token.deprel.is_a(Deprel::Obl)
                    || token.deprel.is_a(Deprel::Nmod)
                    || matches!(token.deprel, Deprel::Appos | Deprel::Conj)));
        if !climbs {
            return None;
        }
        x = token.head?;
    }
    None
}

/// Whether the phrase headed by `h` hangs on a noun (as a nominal modifier) or is an oblique of
/// a gerund that modifies a noun.
///
/// Not on a noun that is a time or a number itself ("the summer of | 2001", "noon on | Friday",
/// "4:30 | today"), not as a possessive ("last month's | blasts"), and not after "of", where
/// the date is part of a name ("the Autonomy Act of 1916").
fn hung_on_a_noun_or_gerund(t: &[Token], h: usize) -> bool {
    let Some(p) = t[h].head else {
        return false;
    };
    // "The Philippine Autonomy Act | of 1916", "the war | of June 1967": the date names it.
    let names_it = case_word(t, h).as_deref() == Some("of");
    let on_a_noun = matches!(t[h].deprel, Deprel::Nmod | Deprel::NmodUnmarked)
        && !names_it
        && is_nominal(&t[p])
        && t[p].upos != Upos::Num
        && !TIME_NOUNS.contains(&t[p].form.to_lowercase().as_str())
        && !names_a_calendar_time(std::slice::from_ref(&t[p]));
    // A gerund after a preposition ("an agreement on | sharing water ... on Monday"), not a
    // participial clause of its own ("a regular in the side, | making his debut on 14 February").
    let on_a_gerund = t[h].deprel.is_a(Deprel::Obl)
        && is_gerund_modifier(&t[p])
        && t.iter()
            .any(|c| c.head == Some(p) && c.deprel == Deprel::Mark);
    on_a_noun || on_a_gerund
}

/// Nouns of time that a date can specify: "the summer of 2001", "the end of March".
const TIME_NOUNS: &[&str] = &[
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "season",
    "week",
    "weekend",
    "month",
    "year",
    "day",
    "morning",
    "afternoon",
    "evening",
    "night",
    "noon",
    "midnight",
    "time",
    "period",
    "quarter",
    "half",
    "beginning",
    "start",
    "end",
    "middle",
    "date",
    "century",
    "decade",
    "era",
    "term",
    "session",
];

/// Whether the words name a day, month or year of the calendar: a weekday or month name,
/// "today", "yesterday", "tomorrow", "last week", a four-digit year. Not bare numbers, which the
/// time expressions also read ("the four of us", "200 - 250").
fn names_a_calendar_time(words: &[Token]) -> bool {
    words.iter().any(|w| {
        let lower = w.form.to_lowercase();
        let year = lower.len() == 4
            && lower.bytes().all(|b| b.is_ascii_digit())
            && (1800..=2100).contains(&lower.parse::<u32>().unwrap_or(0));
        year || crate::timex::is_calendar_word(lower.trim_end_matches('.'))
    })
}

fn is_nominal(t: &Token) -> bool {
    matches!(t.upos, Upos::Noun | Upos::Propn | Upos::Num | Upos::Pron)
}

/// A gerund modifying a noun: "an agreement on | sharing water".
fn is_gerund_modifier(t: &Token) -> bool {
    t.xpos == Xpos::Vbg && t.deprel == Deprel::Acl
}

#[cfg(test)]
mod tests {
    use super::time_read_as_a_modifier_of_a_noun as repair;
    use crate::repairs::notation::{parsed, tree};

    #[test]
    fn a_time_hung_on_a_noun_after_the_verb_is_the_verbs() {
        // "on Tuesday" on "Lucunga", deep in the oblique.
        let mut s = parsed(
            "Gunmen/NOUN/NNS/gunman/2/nsubj killed/VERB/VBD/kill/0/root 12/NUM/CD/12/4/nummod \
             people/NOUN/NNS/people/2/obj in/ADP/IN/in/7/case an/DET/DT/a/7/det \
             attack/NOUN/NN/attack/2/obl near/ADP/IN/near/9/case Lucunga/PROPN/NNP/Lucunga/7/nmod \
             on/ADP/IN/on/11/case Tuesday/PROPN/NNP/Tuesday/9/nmod",
            &[],
        );
        repair(&mut s);
        assert_eq!(tree(&s)[10], "Tuesday/2/obl");
        // "on Monday" on a gerund modifying the object.
        let mut s = parsed(
            "They/PRON/PRP/they/2/nsubj signed/VERB/VBD/sign/0/root an/DET/DT/a/4/det \
             agreement/NOUN/NN/agreement/2/obj on/SCONJ/IN/on/6/mark \
             sharing/VERB/VBG/share/4/acl water/NOUN/NN/water/6/obj on/ADP/IN/on/9/case \
             Monday/PROPN/NNP/Monday/6/obl",
            &[],
        );
        repair(&mut s);
        assert_eq!(tree(&s)[8], "Monday/2/obl");
    }

    #[test]
    fn a_time_in_the_subject_of_a_time_or_of_a_verb_with_one_stays() {
        for text in [
            // In the subject.
            "The/DET/DT/the/2/det attack/NOUN/NN/attack/5/nsubj on/ADP/IN/on/4/case \
             Tuesday/PROPN/NNP/Tuesday/2/nmod killed/VERB/VBD/kill/0/root 12/NUM/CD/12/7/nummod \
             people/NOUN/NNS/people/5/obj",
            // On a time noun: "the summer of 2001".
            "They/PRON/PRP/they/2/nsubj met/VERB/VBD/meet/0/root in/ADP/IN/in/5/case \
             the/DET/DT/the/5/det summer/NOUN/NN/summer/2/obl of/ADP/IN/of/7/case \
             2001/NUM/CD/2001/5/nmod",
            // The verb has its time already.
            "They/PRON/PRP/they/2/nsubj signed/VERB/VBD/sign/0/root on/ADP/IN/on/4/case \
             Monday/PROPN/NNP/Monday/2/obl the/DET/DT/the/6/det plan/NOUN/NN/plan/2/obj \
             of/ADP/IN/of/8/case March/PROPN/NNP/March/6/nmod",
            // Not a calendar time: "the four of us".
            "They/PRON/PRP/they/2/nsubj paid/VERB/VBD/pay/0/root for/ADP/IN/for/5/case \
             the/DET/DT/the/5/det four/NUM/CD/four/2/obl of/ADP/IN/of/7/case us/PRON/PRP/we/5/nmod",
        ] {
            let mut s = parsed(text, &[]);
            repair(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
        }
    }
}
