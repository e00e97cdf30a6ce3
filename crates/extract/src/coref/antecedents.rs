//! What a pronoun or a definite description refers to: one cluster of `entities`, or a pair.
//!
//! - **pronouns** (he, she, it, they and their other cases): the nearest compatible antecedent,
//!   walking back from the pronoun to at most two sentences before it, where compatible means
//!   person for he/she (and not of the other gender, when titles or earlier pronouns told it),
//!   an organisation, place or other named thing for it, that is the subject of its clause; a
//!   sentence with several compatible candidates resolves only to its one subject (for he/she in
//!   an earlier sentence, to the main clause's subject, or for the speaker of '…, she said' to
//!   the subject of a saying verb; that speaker is no one named in the words before it). "They" resolves
//!   only to a pair of coordinated names ("Kim and Putin … they"), by repeating the statement for
//!   each. A non-reflexive object pronoun (or one after a preposition) never resolves to its own
//!   clause's subject, nor to the name a relative clause around it describes ("Ngozi Okafor, who
//!   is not related to him").
//! - **definite descriptions**: "the two leaders" / "both men" to the last coordinated pair, or
//!   the last two who met ("X met Y", "X held talks with Y"); "the French president" / "the
//!   leader" to the one entity with that role (from the role facts, `roles`); "the agency" to the
//!   one organisation, place or thing mentioned before whose name is headed by that noun (its
//!   last word, or the word before "of": "the bank" is the Bank of Japan); "the company", "the
//!   carmaker", "the Nagoya-based company", "the start-up" … to the one company named nearest
//!   before it (in its sentence and the two before, else in the document): an
//!   organisation, or a name the recogniser once called one, whose name is not an
//!   institution's ("the airline" is not the pilots' association, "the lender" not a central
//!   bank); "the group" likewise, but
//!   only in its sentence and the two before; "the government", "the country", "the Dutch
//!   government" to the one country named nearest before it (in its sentence, else with the
//!   two before, else in the document: the news convention: the
//!   government stands for its country); "the town", "the region" to the one place below a
//!   country named in its sentence or the two before; "the storm" to the one named storm; "the
//!   North" to the one place whose name starts with that compass word.

use super::entities::{Entities, Gender, Mention};
use crate::doc::{Deprel, EntityType, Sentence, Token, Upos};
use crate::mentions::{lower, name_head, title_word, INSTITUTION_HEADS};
use crate::names;
use crate::roles::{HONORIFICS, ROLE_MODIFIERS};
use crate::statement::Argument;
use kg_nlp::gazetteer::{gazetteer, PlaceKind};

const COMPASS: &[&str] = &["North", "South", "East", "West"];

/// "the two leaders", "both men": the last coordinated pair, of people when the noun names
/// people. The phrase is found by the argument's full text (an extractor may already have
/// pointed the argument elsewhere).
pub(super) fn pair_description(
    entities: &Entities<'_>,
    si: usize,
    full_text: &str,
) -> Option<[usize; 2]> {
    let wanted: Vec<String> = full_text
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    if !matches!(wanted.first().map(String::as_str), Some("the" | "both")) || wanted.len() > 3 {
        return None;
    }
    let all = &entities.document.sentences[si].tokens;
    let start = (0..all.len()).find(|&i| {
        all.len() >= i + wanted.len()
            && all[i..i + wanted.len()]
                .iter()
                .zip(&wanted)
                .all(|(t, w)| lower(t) == *w)
    })?;
    let span = (start, start + wanted.len());
    let tokens = &all[span.0..span.1];
    let words: Vec<String> = tokens.iter().map(lower).collect();
    let noun = match words
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["the", "two" | "both", noun] | ["both", noun] => noun.to_string(),
        _ => return None,
    };
    if !tokens.last()?.xpos.is_plural_noun() {
        return None;
    }
    let pair = last_pair(entities, si, span.0, 2)?;
    let lemma = tokens.last()?.lemma.to_lowercase();
    let people = matches!(lemma.as_str(), "man" | "woman" | "people" | "person")
        || gazetteer().is_title(&lemma)
        || noun == "men";
    let kind = entities.clusters[pair[0]].kind();
    (!people || kind == EntityType::Person).then_some(pair)
}

/// "the North": the one place of the document whose name starts with that compass word.
pub(super) fn compass(
    entities: &Entities<'_>,
    sentence: &Sentence,
    arg: &Argument,
    span: (usize, usize),
) -> Option<usize> {
    if !COMPASS.contains(&arg.text.as_str()) {
        return None;
    }
    let idx = (span.0..span.1).find(|&i| sentence.tokens[i].form == arg.text)?;
    // "the North", "the communist North".
    let mut d = idx;
    while d > 0 && sentence.tokens[d - 1].upos == Upos::Adj {
        d -= 1;
    }
    if d == 0 || lower(&sentence.tokens[d - 1]) != "the" {
        return None;
    }
    let word = arg.text.to_lowercase();
    let places: Vec<usize> = (0..entities.clusters.len())
        .filter(|&c| {
            let cl = &entities.clusters[c];
            let w = names::words(&cl.name);
            cl.kind() == EntityType::Place && w.len() > 1 && w[0] == word
        })
        .collect();
    match places.as_slice() {
        [c] => Some(*c),
        _ => None,
    }
}

/// "It is a chance", "it seems that", "it was reported": an "it" that refers to nothing.
pub(super) fn pleonastic(tokens: &[Token], at: usize) -> bool {
    let t = &tokens[at];
    if t.deprel.is_a(Deprel::Expl) {
        return true;
    }
    let Some(head) = t.head.and_then(|h| tokens.get(h)) else {
        return false;
    };
    let copular = tokens
        .iter()
        .any(|x| x.deprel == Deprel::Cop && x.head == t.head);
    // "It takes courage to …" is empty, "it would take a charge" is not: "take" only with a
    // "to" clause of its own.
    let takes_to = head.lemma == "take"
        && tokens.iter().enumerate().any(|(k, x)| {
            x.head == t.head
                && matches!(
                    x.deprel,
                    Deprel::Xcomp | Deprel::Csubj | Deprel::Ccomp | Deprel::Advcl
                )
                && tokens.iter().any(|m| {
                    m.head == Some(k)
                        && m.deprel == Deprel::Mark
                        && m.form.eq_ignore_ascii_case("to")
                })
        });
    copular
        || matches!(
            head.lemma.as_str(),
            "be" | "seem" | "appear" | "happen" | "matter" | "remain" | "report"
        )
        || takes_to
        || t.deprel == Deprel::NsubjPass
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pronoun {
    Person(Option<Gender>),
    Thing,
    Plural,
}

pub(super) fn pronoun_class(word: &str) -> Option<Pronoun> {
    Some(match word {
        "he" | "him" | "his" | "himself" => Pronoun::Person(Some(Gender::Male)),
        "she" | "her" | "hers" | "herself" => Pronoun::Person(Some(Gender::Female)),
        "it" | "its" | "itself" => Pronoun::Thing,
        "they" | "them" | "their" | "theirs" | "themselves" => Pronoun::Plural,
        _ => return None,
    })
}

/// The antecedent cluster of a singular pronoun at token `at` of sentence `si`.
pub(super) fn pronoun_antecedent(
    entities: &Entities<'_>,
    si: usize,
    at: usize,
    class: Pronoun,
) -> Option<usize> {
    let sentence = &entities.document.sentences[si];
    let pronoun = &sentence.tokens[at];
    let reflexive = pronoun.form.to_lowercase().ends_with("self");
    let object_of = (pronoun.deprel.is_a(Deprel::Obj)
        || pronoun.deprel == Deprel::Iobj
        || pronoun.deprel.is_a(Deprel::Obl))
    .then_some(pronoun.head)
    .flatten();
    // The name a relative clause around the pronoun describes, when the clause's subject is
    // its relative word: in "Ngozi Okafor, who is not related to him," he is not Okafor.
    let relative_subject = object_of.and_then(|v| {
        let t = &sentence.tokens;
        let relative = t[v].deprel == Deprel::AclRelcl
            && t.iter()
                .any(|x| x.head == Some(v) && x.deprel.is_a(Deprel::Nsubj) && x.xpos.is_wh());
        relative.then_some(t[v].head).flatten()
    });
    // "Efua Mensah will join the board, he said": the speaker of a report after the words it
    // reports is no one named in them (he would have said "I"), so not in its own sentence.
    let first = usize::from(matches!(class, Pronoun::Person(_)) && reports_after(sentence, at));
    for back in first..=2 {
        let Some(s) = si.checked_sub(back) else {
            break;
        };
        let tokens = &entities.document.sentences[s].tokens;
        // (cluster, a subject, the subject of the sentence's main verb)
        let mut found: Vec<(usize, bool, bool)> = Vec::new();
        for m in entities
            .in_sentences(s, s)
            .iter()
            .filter(|m| m.sentence == s && !m.demonym)
        {
            if s == si && m.end > at {
                continue;
            }
            let cl = &entities.clusters[m.cluster];
            let ok = match class {
                Pronoun::Person(g) => {
                    cl.kind() == EntityType::Person
                        && !(g.is_some() && cl.gender.is_some() && cl.gender != g)
                }
                Pronoun::Thing => cl.kind() != EntityType::Person && m.subject,
                Pronoun::Plural => false,
            };
            // "Kim met him", "Kim talked to him": an object pronoun is not its own clause's
            // subject.
            let same_clause_subject = !reflexive
                && s == si
                && object_of.is_some()
                && ((m.start..m.end)
                    .any(|i| tokens[i].deprel.is_a(Deprel::Nsubj) && tokens[i].head == object_of)
                    || relative_subject.is_some_and(|h| m.start <= h && h < m.end));
            if ok && !same_clause_subject {
                // (For the speaker of a report, the speaker before: '…, X told reporters. "…,"
                // she said.')
                let main = (m.start..m.end).any(|i| {
                    tokens[i].deprel.is_a(Deprel::Nsubj)
                        && tokens[i].head.is_some_and(|h| {
                            if first == 1 {
                                SAYING_AFTER.contains(&tokens[h].lemma.to_lowercase().as_str())
                            } else {
                                tokens[h].head.is_none()
                            }
                        })
                });
                match found.iter_mut().find(|f| f.0 == m.cluster) {
                    Some(f) => {
                        f.1 |= m.subject;
                        f.2 |= main;
                    }
                    None => found.push((m.cluster, m.subject, main)),
                }
            }
        }
        match found.as_slice() {
            [] => continue,
            [(c, ..)] => return Some(*c),
            _ => {
                let subjects: Vec<usize> = found.iter().filter(|f| f.1).map(|f| f.0).collect();
                // Of several people who are subjects in a sentence before, the main clause's
                // ("Kamau said Pakia would … . …, she said"); in the pronoun's own sentence the
                // nearer clause's may be meant ("X ruled that Y had … when it …").
                let main: Vec<usize> = found
                    .iter()
                    .filter(|f| f.2 && back > 0 && matches!(class, Pronoun::Person(_)))
                    .map(|f| f.0)
                    .collect();
                return match (subjects.as_slice(), main.as_slice()) {
                    ([c], _) | (_, [c]) => Some(*c),
                    _ => None,
                };
            }
        }
    }
    None
}

/// Verbs of saying whose pronoun subject after the words reported ("…, she said") names the
/// speaker of those words.
const SAYING_AFTER: &[&str] = &["say", "tell", "add", "write", "note", "insist", "warn"];

/// Whether the pronoun at `at` is the subject of a saying verb that follows the words it
/// reports: '…, she said.', '"…," he told reporters.'
fn reports_after(sentence: &Sentence, at: usize) -> bool {
    let tokens = &sentence.tokens;
    let set_off = at >= 1 && matches!(tokens[at - 1].form.as_str(), "," | "\"" | "”" | "''" | "'");
    let verb = tokens.get(at + 1);
    set_off
        && tokens[at].deprel.is_a(Deprel::Nsubj)
        && tokens[at].head == Some(at + 1)
        && verb.is_some_and(|v| SAYING_AFTER.contains(&v.lemma.to_lowercase().as_str()))
        && tokens[at + 2..]
            .iter()
            .all(|t| !matches!(t.upos, Upos::Verb | Upos::Aux) && t.form.to_lowercase() != "that")
}

/// The last pair of coordinated names ("X and Y") at or before token `at` of sentence `si`,
/// looking back at most `window` sentences.
pub(super) fn last_pair(
    entities: &Entities<'_>,
    si: usize,
    at: usize,
    window: usize,
) -> Option<[usize; 2]> {
    for back in 0..=window {
        let s = si.checked_sub(back)?;
        let tokens = &entities.document.sentences[s].tokens;
        let ms: Vec<&Mention> = entities
            .in_sentences(s, s)
            .iter()
            .filter(|m| m.sentence == s && !m.demonym && (s != si || m.end <= at))
            .collect();
        let mut found = None;
        for w in ms.windows(2) {
            let (a, b) = (w[0], w[1]);
            let joined =
                b.start == a.end + 1 && matches!(lower(&tokens[a.end]).as_str(), "and" | "&");
            // "North Korean leader Kim Jong Un and Russian President Vladimir Putin": titles,
            // adjectives and nationalities between the conjunction and the second name.
            let titled = b.start > a.end + 1
                && lower(&tokens[a.end]) == "and"
                && (a.end + 1..b.start).all(|i| {
                    let t = &tokens[i];
                    gazetteer().is_title(&t.form)
                        || ROLE_MODIFIERS.contains(&title_word(t).as_str())
                        || t.upos == Upos::Adj
                        || entities
                            .in_sentences(s, s)
                            .iter()
                            .any(|o| o.sentence == s && o.demonym && o.start <= i && i < o.end)
                });
            let kinds = entities.clusters[a.cluster].kind() == entities.clusters[b.cluster].kind();
            if (joined || titled) && kinds && a.cluster != b.cluster {
                found = Some([a.cluster, b.cluster]);
            }
        }
        // "X met Y", "X held talks with Y": the two who met are a pair too ("… The two leaders
        // agreed …").
        if found.is_none() {
            found = met_pair(entities, tokens, &ms);
        }
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Verbs whose subject and object (or "with" phrase) are two parties meeting.
const MEETING_VERBS: [&str; 7] = [
    "meet", "host", "receive", "welcome", "visit", "talk", "hold",
];

/// The subject and object of a meeting verb among mentions `ms` of one sentence.
fn met_pair(entities: &Entities<'_>, tokens: &[Token], ms: &[&Mention]) -> Option<[usize; 2]> {
    // The mention's word that hangs outside it.
    let head = |m: &Mention| {
        (m.start..m.end).find(|&i| tokens[i].head.is_none_or(|h| h < m.start || h >= m.end))
    };
    for (k, a) in ms.iter().enumerate() {
        let Some(ha) = head(a) else { continue };
        let Some(v) = tokens[ha]
            .head
            .filter(|_| tokens[ha].deprel.is_a(Deprel::Nsubj))
        else {
            continue;
        };
        if !MEETING_VERBS.contains(&tokens[v].lemma.as_str()) {
            continue;
        }
        for b in &ms[k + 1..] {
            let Some(hb) = head(b) else { continue };
            // "met Y", or "held talks with Y" (the phrase under the verb or its object).
            let with = tokens
                .iter()
                .any(|t| t.head == Some(hb) && t.deprel == Deprel::Case && lower(t) == "with");
            let governed = match tokens[hb].head {
                Some(h) if h == v => tokens[hb].deprel == Deprel::Obj || with,
                Some(h) => with && tokens[h].head == Some(v) && tokens[h].deprel == Deprel::Obj,
                None => false,
            };
            let kinds = entities.clusters[a.cluster].kind() == entities.clusters[b.cluster].kind();
            if governed && kinds && a.cluster != b.cluster {
                return Some([a.cluster, b.cluster]);
            }
        }
    }
    None
}

/// Nouns for a business that news uses for a company it has just named.
const COMPANY_NOUNS: [&str; 21] = [
    "company",
    "firm",
    "giant",
    "carrier",
    "producer",
    "supplier",
    "corporation",
    "carmaker",
    "automaker",
    "lender",
    "insurer",
    "retailer",
    "airline",
    "manufacturer",
    "conglomerate",
    "startup",
    "chipmaker",
    "drugmaker",
    "miner",
    "operator",
    "broadcaster",
];

/// The clusters of the mentions in sentence `si` before token `at` and in the two sentences
/// before, that `keep` accepts, each once.
fn recent(
    entities: &Entities<'_>,
    si: usize,
    at: usize,
    keep: impl Fn(&Mention) -> bool,
) -> Vec<usize> {
    within(entities, si, at, 2, keep)
}

/// As [`recent`], over the sentence and the `back` sentences before it.
fn within(
    entities: &Entities<'_>,
    si: usize,
    at: usize,
    back: usize,
    keep: impl Fn(&Mention) -> bool,
) -> Vec<usize> {
    let mut cands: Vec<usize> = entities
        .in_sentences(si.saturating_sub(back), si)
        .iter()
        .filter(|m| m.sentence <= si && m.sentence + back >= si)
        .filter(|m| m.sentence < si || m.end <= at)
        .filter(|m| keep(m))
        .map(|m| m.cluster)
        .collect();
    cands.sort_unstable();
    cands.dedup();
    cands
}

/// The one cluster `keep` accepts, looking ever further back: over the sentence before token `at`
/// and each number of `distances` sentences before it in turn (`si` is the whole document);
/// several at the nearest distance that has any are none.
fn nearest(
    entities: &Entities<'_>,
    si: usize,
    at: usize,
    distances: &[usize],
    keep: impl Fn(&Mention) -> bool,
) -> Option<usize> {
    nearest_or_else(entities, si, at, distances, &keep, |_| None)
}

/// As [`nearest`], with `tie` choosing among several clusters at the nearest distance `back`
/// that has any.
fn nearest_or_else(
    entities: &Entities<'_>,
    si: usize,
    at: usize,
    distances: &[usize],
    keep: &impl Fn(&Mention) -> bool,
    tie: impl Fn(usize) -> Option<usize>,
) -> Option<usize> {
    for &back in distances {
        match within(entities, si, at, back, keep).as_slice() {
            [] => continue,
            [c] => return Some(*c),
            _ => return tie(back),
        }
    }
    None
}

/// A noun that says a name is a business: the company nouns, "start-up", "group".
pub(super) fn is_business_noun(noun: &str) -> bool {
    let noun = noun.replace('-', "");
    COMPANY_NOUNS.contains(&noun.as_str()) || noun.ends_with("maker") || noun == "group"
}

/// As [`nearest`], but when several clusters are at the nearest distance, the one of them that
/// was the subject of a clause there ("Pakia raised $40 million in a round led by Harbor Peak
/// Capital, the company said": Pakia).
fn nearest_subject_first(
    entities: &Entities<'_>,
    si: usize,
    at: usize,
    distances: &[usize],
    keep: impl Fn(&Mention) -> bool,
) -> Option<usize> {
    // "Nordwind Airways and Fjord Motors cut jobs": coordinated subjects are both.
    let coordinated = |m: &Mention| {
        let tokens = &entities.document.sentences[m.sentence].tokens;
        (m.start..m.end).any(|i| {
            tokens[i].deprel == Deprel::Conj
                && tokens[i]
                    .head
                    .is_some_and(|h| tokens[h].deprel.is_a(Deprel::Nsubj))
        })
    };
    nearest_or_else(entities, si, at, distances, &keep, |back| {
        pick_one(within(entities, si, at, back, |m| {
            (m.subject || coordinated(m)) && keep(m)
        }))
    })
}

/// The head noun of a description and whether the words between "the" and it only describe
/// ("the Nagoya-based company", "the Chilean company", "the software giant", "the start-up":
/// nationalities, nouns, names, "-", participles).
fn described_head(tokens: &[Token]) -> (String, bool) {
    let n = tokens.len();
    // "start - up" written as one word.
    let hyphenated = n >= 4 && tokens[n - 2].form == "-" && !tokens[n - 2].space_after;
    let (noun, first_of_head) = if hyphenated {
        (
            format!("{}-{}", lower(&tokens[n - 3]), lower(&tokens[n - 1])),
            n - 3,
        )
    } else {
        (title_word(&tokens[n - 1]), n - 1)
    };
    // A lowercase adjective ("the largest firm", "the popular radio company", "the injured
    // group") contrasts or introduces rather than refers back; a nationality does not.
    let plain = tokens[1..first_of_head].iter().all(|t| {
        let capitalised = t.form.chars().next().is_some_and(char::is_uppercase);
        matches!(t.upos, Upos::Propn | Upos::Noun | Upos::Verb)
            || (t.upos == Upos::Adj && capitalised)
            || t.form == "-"
    });
    (noun, plain)
}

/// "the French president", "the leader", "the agency": the one earlier entity that fits.
pub(super) fn description_antecedent(
    entities: &Entities<'_>,
    si: usize,
    span: (usize, usize),
) -> Option<usize> {
    let tokens = &entities.document.sentences[si].tokens[span.0..span.1];
    let head = tokens.last()?;
    if head.xpos.is_plural_noun() {
        return None;
    }
    let noun = title_word(head);
    let before = |c: usize| entities.clusters[c].first < (si, span.0);
    let g = gazetteer();
    // "the company", "the Japanese carmaker", "the planemaker", "the Lagos-based lender": the
    // one company named in this sentence before it or in the two before.
    let (described, plain) = described_head(tokens);
    let company = COMPANY_NOUNS.contains(&described.replace('-', "").as_str())
        || described.ends_with("maker");
    // Nouns with rules of their own below (a company, a group, a storm, a government, a role)
    // are not looked up by category: "a private healthcare group" does not make the next "the
    // group" that company rather than the hackers named between.
    let own_rule = company
        || matches!(described.as_str(), "group" | "government" | "country")
        || STORM_NOUNS.contains(&described.as_str())
        || g.is_title(&head.form);
    if plain && !own_rule {
        if let Some(c) = categorised(entities, si, span.0, &described) {
            return Some(c);
        }
    }
    // "the central bank": the one central bank named before ("the Bank of Ghana", "the Central
    // Bank of Nigeria"), which the company rule below leaves out as a public body.
    if described == "bank" && tokens.iter().any(|t| lower(t) == "central") {
        return pick_one(
            (0..entities.clusters.len())
                .filter(|&c| before(c) && is_central_bank(&entities.clusters[c].name))
                .collect(),
        );
    }
    // Short ones as before ("the mighty corporation", "the software giant").
    if company && (plain || tokens.len() <= 3) {
        let business = |c: usize| {
            let cl = &entities.clusters[c];
            let head = name_head(&cl.name);
            // A central bank is a public body.
            let institution = INSTITUTION_HEADS.contains(&head.as_str())
                || names::words(&cl.name).iter().any(|w| w == "central");
            // Or a name the text called a business ("Oleificio Ferrante, a family-owned
            // company"), whatever the recogniser took it for.
            let described = cl.categories.iter().any(|k| is_business_noun(k));
            (cl.kind() == EntityType::Organization || cl.votes[1] > 0 || described) && !institution
        };
        // Not the sentence alone: "approval from the Central Bank of Nigeria …, the Lagos-based
        // lender would gain" names the lender before. The whole document only for the bare
        // noun ("the company"), not for "the American firm".
        let distances: &[usize] = if tokens.len() == 2 { &[2, si] } else { &[2] };
        return nearest_subject_first(entities, si, span.0, distances, |m| {
            !m.demonym && business(m.cluster)
        });
    }
    // "the group" (bare: "the injured group" is people): a company or another organisation that
    // is no institution, named just before.
    if described == "group" && tokens.len() == 2 {
        let business = |c: usize| {
            let cl = &entities.clusters[c];
            (cl.kind() == EntityType::Organization || cl.votes[1] > 0)
                && !INSTITUTION_HEADS.contains(&name_head(&cl.name).as_str())
        };
        return pick_one(recent(entities, si, span.0, |m| {
            !m.demonym && business(m.cluster)
        }));
    }
    // "the storm", "the typhoon": the one storm named before ("Typhoon Dalisay").
    if STORM_NOUNS.contains(&described.as_str()) && plain {
        let storm = |c: usize| {
            let w = names::words(&entities.clusters[c].name);
            w.len() > 1 && STORM_NOUNS.contains(&w[0].as_str())
        };
        return pick_one(
            (0..entities.clusters.len())
                .filter(|&c| before(c) && storm(c))
                .collect(),
        );
    }
    if matches!(described.as_str(), "government" | "country") && plain {
        return country_antecedent(entities, si, span, &described);
    }
    if g.is_title(&head.form) && !HONORIFICS.contains(&noun.as_str()) {
        return title_antecedent(entities, si, span, &noun);
    }
    // (A "-based" modifier only says where: "the Strasbourg-based court" is "the court".)
    let based = tokens
        .iter()
        .position(|t| lower(t) == "based")
        .filter(|&k| k >= 2 && tokens[k - 1].form == "-");
    let bare_len = match based {
        Some(k) => tokens.len() - (k + 1 - (k - 2).max(1)),
        None => tokens.len(),
    };
    if bare_len == 2 && matches!(head.upos, Upos::Noun | Upos::Propn) {
        let cands = (0..entities.clusters.len())
            .filter(|&c| before(c))
            .filter(|&c| {
                let cl = &entities.clusters[c];
                let w = names::words(&cl.name);
                // The name's head noun: its last word, or the word before "of" ("the bank" is
                // the Bank of Japan).
                let head = match w.iter().position(|x| x == "of") {
                    Some(k) if k > 0 => &w[k - 1],
                    _ => &w[w.len() - 1],
                };
                // A place named by its kind first: "the lake" is Lake Victoria.
                let kind_first = cl.kind() == EntityType::Place && w[0] == noun;
                cl.kind() != EntityType::Person && w.len() > 1 && (*head == noun || kind_first)
            })
            .collect();
        if let Some(c) = pick_one(cands) {
            return Some(c);
        }
    }
    // "the town", "the region": the one place below a country named in this sentence before it
    // or in the two before, of a kind the gazetteer does not contradict.
    if let Some(&(_, towns)) = PLACE_CATEGORIES.iter().find(|(w, _)| *w == described) {
        if !plain {
            return None;
        }
        let fits = |c: usize| {
            let cl = &entities.clusters[c];
            let words: Vec<&str> = cl.name.split_whitespace().collect();
            // "Cabo Delgado province" is no town; a city's name is often its region's too
            // (Arequipa), a US state's never a town's.
            let last = names::words(&cl.name).pop().unwrap_or_default();
            let named_as = PLACE_CATEGORIES.iter().find(|(w, _)| *w == last);
            cl.kind() == EntityType::Place
                && named_as.is_none_or(|&(_, t)| t == towns)
                && match g.place(&words).map(|p| p.kind) {
                    Some(PlaceKind::Country | PlaceKind::Continent) => false,
                    Some(PlaceKind::Region) => !towns,
                    _ => true,
                }
        };
        return pick_one(recent(entities, si, span.0, |m| {
            !m.demonym && fits(m.cluster)
        }));
    }
    None
}

/// "the French president", "the leader": the one entity named before with that role (of the
/// country or organisation among the modifiers, when there is one).
fn title_antecedent(
    entities: &Entities<'_>,
    si: usize,
    span: (usize, usize),
    noun: &str,
) -> Option<usize> {
    let g = gazetteer();
    let tokens = &entities.document.sentences[si].tokens[span.0..span.1];
    let before = |c: usize| entities.clusters[c].first < (si, span.0);
    // A country or organisation among the modifiers: "the French president".
    let modifiers: Vec<&str> = tokens[1..tokens.len() - 1]
        .iter()
        .map(|t| t.form.as_str())
        .collect();
    let country = (0..modifiers.len()).find_map(|i| {
        (i + 1..=modifiers.len()).rev().find_map(|j| {
            g.demonym(&modifiers[i..j])
                .map(|d| d.country.to_owned())
                .or_else(|| g.place(&modifiers[i..j]).map(|p| p.name.to_owned()))
        })
    });
    let cands = (0..entities.clusters.len())
        .filter(|&c| before(c))
        .filter(|&c| {
            entities.clusters[c].roles.iter().any(|(role, org)| {
                role.split(' ').next_back() == Some(noun)
                    && match &country {
                        Some(k) => org.as_deref().map(names::key) == Some(names::key(k)),
                        None => true,
                    }
            })
        })
        .collect();
    pick_one(cands)
}

/// "the winger", "the trader": the one entity of the document that the text said is one (its
/// `categories`: "Colombian winger Santiago Ortega", "the trader, Jade Harbour Resources"),
/// named before and in this sentence or the two before.
fn categorised(entities: &Entities<'_>, si: usize, at: usize, noun: &str) -> Option<usize> {
    let c = pick_one(
        (0..entities.clusters.len())
            .filter(|&c| entities.clusters[c].first < (si, at))
            .filter(|&c| entities.clusters[c].categories.iter().any(|k| k == noun))
            .collect(),
    )?;
    recent(entities, si, at, |m| m.cluster == c && !m.demonym)
        .contains(&c)
        .then_some(c)
}

/// "the government", "the country", "the Dutch government": the one country named nearest
/// before it (by name or nationality).
fn country_antecedent(
    entities: &Entities<'_>,
    si: usize,
    span: (usize, usize),
    described: &str,
) -> Option<usize> {
    let g = gazetteer();
    // A nationality names the government's country ("the Dutch ministry … the government"), but
    // not a country's: "the Americans … forced to flee the country" is not the US. Inside the
    // description it always does ("the Dutch government").
    let nationality = |m: &Mention| {
        m.demonym && described == "country" && !(m.sentence == si && m.start >= span.0)
    };
    let country = |c: usize| {
        let name = &entities.clusters[c].name;
        let words: Vec<&str> = name.split_whitespace().collect();
        entities.clusters[c].kind() == EntityType::Place
            && g.place(&words)
                .is_some_and(|p| p.kind == PlaceKind::Country)
    };
    nearest(entities, si, span.1, &[0, 2, si], |m| {
        !nationality(m) && country(m.cluster)
    })
}

/// Nouns for a storm, which also name one when written before its name ("Typhoon Dalisay").
const STORM_NOUNS: [&str; 6] = [
    "storm",
    "typhoon",
    "hurricane",
    "cyclone",
    "tornado",
    "tropical",
];

/// The one candidate, if there is exactly one.
/// A central bank's name: with "central" and "bank" ("Central Bank of Nigeria", "European
/// Central Bank"), or "Bank of" or "Reserve Bank of" a country ("Bank of Ghana", "Reserve Bank
/// of India").
fn is_central_bank(name: &str) -> bool {
    let w = names::words(name);
    let has = |x: &str| w.iter().any(|y| y == x);
    if has("central") && has("bank") {
        return true;
    }
    let of = match w.as_slice() {
        [b, o, ..] if b == "bank" && o == "of" => 2,
        [r, b, o, ..] if r == "reserve" && b == "bank" && o == "of" => 3,
        _ => return false,
    };
    let rest: Vec<&str> = name.split_whitespace().skip(of).collect();
    gazetteer()
        .place(&rest)
        .is_some_and(|p| p.kind == PlaceKind::Country)
}

fn pick_one(cands: Vec<usize>) -> Option<usize> {
    match cands.as_slice() {
        [c] => Some(*c),
        _ => None,
    }
}

/// Nouns that refer back to a place below a country, and whether they name a town (else a
/// region).
const PLACE_CATEGORIES: [(&str, bool); 8] = [
    ("town", true),
    ("city", true),
    ("village", true),
    ("region", false),
    ("province", false),
    ("state", false),
    ("district", false),
    ("county", false),
];
