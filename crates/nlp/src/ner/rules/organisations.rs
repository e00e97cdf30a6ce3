//! Organisations: names ending in an organisation's head word, sports clubs (a club word and a
//! place), and names on the organisation lists that the sentence uses as organisations.

use super::edges::PLACE_PARTICIPLES;
use super::{capitalised_run, is_capitalised};
use crate::doc::{Deprel, EntityType, Mention, Token, Upos, Xpos};
use crate::gazetteer::{Gazetteer, PlaceKind};
use crate::ner::labels::mention;

/// A name on the organisation lists (`organisations.tsv`: companies of the stock indices,
/// brands, WordNet's organisations) that the model left unlabelled is an organisation when the
/// sentence uses it as one ([`acts_as_organisation`]): the subject of a verb, or a subject's
/// conjunct ("Pfizer and Moderna delivered …", "Netflix raised prices"), an indirect object
/// ("fined Google $2.4 billion"), or attached to a title or business noun ("shares of
/// Nvidia"). The lists alone are no evidence: UNER's web
/// text names products and services by their brand ("my Honda", "Google it"), which are not
/// organisations, and a list feature in the model was worth nothing on UNER dev. A proper noun
/// standing alone (no capitalised word beside it, no determiner or possessor of its own), not a
/// place, a nationality, or one word that is also a first name or surname ("Swift", "Gates",
/// also "Ford": the lists cannot tell the person from the company).
pub(super) fn listed_organisations(tokens: &[Token], out: &mut Vec<Mention>, g: &Gazetteer) {
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        // The cheap test first: every listed name starts with a capital or a digit.
        let first = tokens[i].form.chars().next();
        let found = first
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            .then(|| g.organisation_at(tokens, i))
            .flatten();
        let Some((end, lists)) = found else {
            i += 1;
            continue;
        };
        let free = !out.iter().any(|m| m.start < end && i < m.end);
        // The model's own reading of exactly this span, when it is one a company name overrides:
        // a city ("Toyota") or, for a listed company of two or more words, a person ("Goldman
        // Sachs").
        let words: Vec<&str> = tokens[i..end].iter().map(|t| t.form.as_str()).collect();
        let same = out.iter().position(|m| m.start == i && m.end == end);
        let retype = same.filter(|&k| match out[k].kind {
            EntityType::Place => g.place(&words).is_none_or(|p| p.kind == PlaceKind::City),
            EntityType::Person => end - i > 1 && lists & 2 != 0,
            _ => false,
        });
        if let Some(k) = retype {
            if acts_as_organisation(tokens, i, end, g) {
                out[k].kind = EntityType::Organization;
                out[k].external_id = None;
                out[k].refers_to = None;
            }
            i = end;
            continue;
        }
        let proper = tokens[i..end]
            .iter()
            .all(|t| t.xpos.is_proper_noun() || !t.form.chars().any(char::is_alphabetic));
        let capitalised_at = |k: usize| tokens.get(k).is_some_and(|t| is_capitalised(&t.form));
        let beside = (i > 0 && capitalised_at(i - 1)) || capitalised_at(end);
        let other_name = g.place(&words).is_some()
            || g.demonym(&words).is_some()
            || (end - i == 1 && g.is_person_name(words[0]));
        if free && proper && !beside && !other_name && acts_as_organisation(tokens, i, end, g) {
            out.push(mention(i, end, EntityType::Organization));
        }
        i = end;
    }
}

/// Nouns of a company's people, money and parts: a name attached to one is the company's
/// ("shares of Nvidia", "Pfizer's shareholders", "Amazon employees").
const BUSINESS_NOUNS: [&str; 18] = [
    "shares",
    "stock",
    "stake",
    "subsidiary",
    "unit",
    "board",
    "employees",
    "workers",
    "staff",
    "shareholders",
    "investors",
    "executive",
    "executives",
    "headquarters",
    "earnings",
    "profit",
    "revenue",
    "sales",
];

/// Whether the span `start..end` acts as an organisation: it heads a subject of a verb, or a
/// conjunct of one, or it is attached to a title or business noun ("chief executive of Nvidia",
/// "a spokesperson for Pfizer", "Amazon founder Jeff Bezos", "shares of Nvidia"); and it has no
/// determiner or possessor of its own.
fn acts_as_organisation(tokens: &[Token], start: usize, end: usize, g: &Gazetteer) -> bool {
    let inside = |h: Option<usize>| h.is_some_and(|h| (start..end).contains(&h));
    let Some(head) = (start..end).find(|&k| !inside(tokens[k].head)) else {
        return false;
    };
    let determined = tokens
        .iter()
        .any(|t| t.head == Some(head) && matches!(t.deprel, Deprel::Det | Deprel::NmodPoss));
    // (An indirect object is one too: "fined Google $2.4 billion", "paid Pfizer …".)
    let subject = |k: usize| {
        matches!(
            tokens[k].deprel,
            Deprel::Nsubj | Deprel::NsubjPass | Deprel::Iobj
        )
    };
    // Not a capitalised title, which is part of a name itself ("Secretary of State").
    let business = |k: usize| {
        let form = tokens[k].form.to_lowercase();
        let title_case = tokens[k]
            .form
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
            && tokens[k].form.chars().skip(1).any(char::is_lowercase);
        (g.is_title(&form) && !title_case) || BUSINESS_NOUNS.contains(&form.as_str())
    };
    // People named by what they belong to: "Greenpeace activists", "Hamas fighters".
    let members = |k: usize| {
        tokens[k].xpos == Xpos::Nns && {
            // (Without lemmas, the plural's "s" off.)
            let lemma = if tokens[k].lemma.is_empty() {
                let form = tokens[k].form.to_lowercase();
                form.strip_suffix('s').unwrap_or(&form).to_owned()
            } else {
                tokens[k].lemma.to_lowercase()
            };
            g.is_agent_noun(&lemma)
        }
    };
    let role = match tokens[head].deprel {
        Deprel::Conj => tokens[head].head.is_some_and(subject),
        Deprel::Nmod | Deprel::NmodPoss => tokens[head].head.is_some_and(business),
        Deprel::Compound => tokens[head].head.is_some_and(|k| business(k) || members(k)),
        _ => subject(head),
    };
    role && !determined
}

/// Words that make a club of the place they stand before ("Real Madrid", "Bayern Munich") or
/// after ("Manchester United", "Bolton Wanderers").
const CLUB_BEFORE_PLACE: [&str; 14] = [
    "Real",
    "Atletico",
    "Atlético",
    "Sporting",
    "Dynamo",
    "Dinamo",
    "Olympique",
    "Borussia",
    "Bayern",
    "Inter",
    "AC",
    "AS",
    "FC",
    "Racing",
];
const CLUB_AFTER_PLACE: [&str; 10] = [
    "United",
    "Rovers",
    "Wanderers",
    "Athletic",
    "Albion",
    "Hotspur",
    "FC",
    "AFC",
    "CF",
    "SC",
];

/// A club the recogniser missed altogether ("… and Real Madrid signed …"): a club word and a
/// gazetteer place written together, outside any mention.
pub(super) fn unlabelled_sports_clubs(tokens: &[Token], out: &mut Vec<Mention>, g: &Gazetteer) {
    let free = |out: &[Mention], a: usize, b: usize| !out.iter().any(|m| m.start < b && a < m.end);
    let mut i = 0;
    while i < tokens.len() {
        let club = if CLUB_BEFORE_PLACE.contains(&tokens[i].form.as_str()) {
            g.place_at(tokens, i + 1).map(|(end, _)| (i, end))
        } else {
            g.place_at(tokens, i)
                .filter(|&(end, _)| {
                    tokens
                        .get(end)
                        .is_some_and(|t| CLUB_AFTER_PLACE.contains(&t.form.as_str()))
                })
                .map(|(end, _)| (i, end + 1))
        };
        match club {
            Some((start, end)) if free(out, start, end) => {
                out.push(Mention {
                    start,
                    end,
                    kind: EntityType::Organization,
                    refers_to: None,
                    external_id: None,
                });
                i = end;
            }
            _ => i += 1,
        }
    }
}

/// A place name with a club word before or after it names a sports club, an organisation:
/// "Bayern Munich" and "Real Madrid" are neither a place nor a person. The recogniser has seen
/// few clubs (UNER is web text), and the place inside pulls it to LOC.
pub(super) fn sports_clubs(tokens: &[Token], out: &mut [Mention], g: &Gazetteer) {
    for m in out.iter_mut() {
        if m.kind == EntityType::Other {
            continue;
        }
        // The place is the mention without a club word at either end, or the mention itself
        // with a club word written just outside it.
        let words: Vec<&str> = tokens[m.start..m.end]
            .iter()
            .map(|t| t.form.as_str())
            .collect();
        let before = |w: &str| CLUB_BEFORE_PLACE.contains(&w);
        let after = |w: &str| CLUB_AFTER_PLACE.contains(&w);
        let n = words.len();
        let whole = n >= 2
            && ((before(words[0]) && g.place(&words[1..]).is_some())
                || (after(words[n - 1]) && g.place(&words[..n - 1]).is_some()));
        let club = if whole {
            Some((m.start, m.end))
        } else if g.place(&words).is_some() {
            let prev = m.start.checked_sub(1).map(|k| tokens[k].form.as_str());
            let next = tokens.get(m.end).map(|t| t.form.as_str());
            if prev.is_some_and(before) {
                Some((m.start - 1, m.end))
            } else if next.is_some_and(after) {
                Some((m.start, m.end + 1))
            } else {
                None
            }
        } else {
            None
        };
        if let Some((start, end)) = club {
            m.start = start;
            m.end = end;
            m.kind = EntityType::Organization;
            m.refers_to = None;
            m.external_id = None;
        }
    }
}

/// Head words that make a capitalised name an organisation: the unambiguous part of
/// `org_suffixes.txt` ("Service", "News", "Post", "Office", "Club" also end reviews' titles,
/// papers and places).
const ORGANISATION_HEADS: [&str; 51] = [
    "alliance",
    "court",
    "tribunal",
    "fc",
    "afc",
    "coalition",
    "league",
    "movement",
    "congress",
    "inc",
    "inc.",
    "corp",
    "corp.",
    "corporation",
    "ltd",
    "ltd.",
    "plc",
    "llc",
    "gmbh",
    "bank",
    "agency",
    "ministry",
    "department",
    "commission",
    "committee",
    "council",
    "union",
    "association",
    "federation",
    "foundation",
    "institute",
    "university",
    "authority",
    "bureau",
    "party",
    "fund",
    "organization",
    "organisation",
    "reserve",
    "motor",
    "motors",
    "airlines",
    "airways",
    "group",
    "holdings",
    "industries",
    "technologies",
    "pharmaceuticals",
    "energy",
    "petroleum",
    "railways",
];

const COMPASS_WORDS: [&str; 8] = [
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
];

/// A run of two or more capitalised words ending in an organisation head word ("European
/// Central Bank", "World Health Organization", "Supreme Court"), or one such word followed by
/// "of" and a name ("Bank of England", "Ministry of Defence"), is an organisation, whatever the
/// model made of its parts: it learnt from web text with few of these names and misses or
/// splits most of them. Known places and sentences in title case (headlines) are left alone.
pub(super) fn organisation_heads(tokens: &[Token], out: &mut Vec<Mention>, g: &Gazetteer) {
    // A headline capitalises every longer word ("Central Bank Holds Rates"): no cue there.
    let (long, long_capitalised) = tokens
        .iter()
        .filter(|t| t.form.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .fold((0, 0), |(n, c), t| {
            (n + 1, c + is_capitalised(&t.form) as usize)
        });
    if long >= 3 && long_capitalised == long {
        return;
    }
    let mut i = 0;
    while i < tokens.len() {
        let run_end = capitalised_run(tokens, i);
        if run_end == i {
            i += 1;
            continue;
        }
        let mut s = i;
        while s < run_end
            && (matches!(tokens[s].upos, Upos::Det | Upos::Pron)
                || matches!(tokens[s].form.as_str(), "The" | "A" | "An"))
        {
            s += 1;
        }
        // "Hanoi-based Institute …": the place before "-based" is no part of the name.
        if let Some(k) = (s + 1..run_end.saturating_sub(1)).rev().find(|&k| {
            tokens[k].form == "-" && PLACE_PARTICIPLES.contains(&tokens[k + 1].form.as_str())
        }) {
            s = k + 2;
        }
        let mut e = run_end;
        let head =
            s < e && ORGANISATION_HEADS.contains(&tokens[e - 1].form.to_lowercase().as_str());
        if head && tokens.get(e).is_some_and(|t| t.form == "of") {
            let of_end = capitalised_run(tokens, e + 1);
            if of_end > e + 1 {
                e = of_end;
            }
        }
        // "the Securities and Exchange Commission", "the Harbour and Maritime Workers Union":
        // a capitalised word and "and" before the run are the name's.
        if head && s >= 2 && tokens[s - 1].form == "and" && is_capitalised(&tokens[s - 2].form) {
            let mut b = s - 2;
            while b > 0 && s - b < 4 && is_capitalised(&tokens[b - 1].form) {
                b -= 1;
            }
            let before: Vec<&str> = tokens[b..s - 1].iter().map(|t| t.form.as_str()).collect();
            let named = out.iter().any(|m| m.start < s - 1 && b < m.end);
            if !named && g.place(&before).is_none() {
                s = b;
            }
        }
        let words: Vec<&str> = tokens[s..e].iter().map(|t| t.form.as_str()).collect();
        // A person's name inside is another name beside it ("Sara Lee Enron Services"); one
        // that is the whole run, head word and all, is the organisation mistyped ("Mondego FC").
        let crosses = out.iter().any(|m| {
            let whole = m.start == s && m.end == e;
            m.start < e
                && s < m.end
                && (m.start < s || m.end > e || (m.kind == EntityType::Person && !whole))
        });
        // "West Bank", "East Bank": a compass word and a head word name a region.
        let region = e - s == 2 && COMPASS_WORDS.contains(&tokens[s].form.as_str());
        if head && e - s >= 2 && !crosses && !region && g.place(&words).is_none() {
            out.retain(|m| !(s <= m.start && m.end <= e));
            out.push(mention(s, e, EntityType::Organization));
        }
        i = e.max(i + 1);
    }
}

/// "Donaldson, Lufkin & Jenrette", "Frankenberry, Laughlin & Constable": partners' surnames
/// separated by commas and joined by "&" name one firm (law, advertising and investment firms
/// are named so); the model splits them into persons. A run of capitalised single words, each
/// set off by a comma, ending in "&" and a capitalised word, is an organisation.
pub(super) fn partners_firm_names(tokens: &[Token], out: &mut Vec<Mention>, _g: &Gazetteer) {
    let word = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| is_capitalised(&t.form) && t.form.chars().all(char::is_alphabetic))
    };
    for amp in 2..tokens.len().saturating_sub(1) {
        if tokens[amp].form != "&" || !word(amp - 1) || !word(amp + 1) {
            continue;
        }
        // Back over ", Word" pairs.
        let mut s = amp - 1;
        while s >= 2 && tokens[s - 1].form == "," && word(s - 2) {
            s -= 2;
        }
        if s == amp - 1 {
            continue;
        }
        let mut e = amp + 2;
        // A legal form after it belongs to the name ("& Co.", "& Jenrette Securities Corp.").
        while e < tokens.len() && is_capitalised(&tokens[e].form) && e - amp < 5 {
            e += 1;
        }
        out.retain(|m| m.end <= s || m.start >= e);
        out.push(mention(s, e, EntityType::Organization));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::rules::notation::*;

    #[test]
    fn names_headed_by_an_organisation_word_are_organisations() {
        let kinds = |text: &str, model: Vec<Mention>| -> Vec<(String, EntityType)> {
            let t = tokens(text);
            post_rules(&t, model, gazetteer())
                .into_iter()
                .map(|m| {
                    let w: Vec<&str> = t[m.start..m.end].iter().map(|x| x.form.as_str()).collect();
                    (w.join(" "), m.kind)
                })
                .collect()
        };
        // The model's place inside the name, and the demonym before it, give way.
        assert_eq!(
            kinds(
                "the Nordic Investment Bank cut rates",
                vec![mention(2, 4, EntityType::Place)]
            ),
            [(
                "Nordic Investment Bank".to_string(),
                EntityType::Organization
            )]
        );
        // Partners' surnames joined by "&" name one firm.
        assert_eq!(
            kinds(
                "ads developed by Frankenberry , Laughlin & Constable ran",
                vec![mention(3, 4, EntityType::Person)]
            ),
            [(
                "Frankenberry , Laughlin & Constable".to_string(),
                EntityType::Organization
            )]
        );
        // A court is an organisation: "the European Court of Human Rights ruled".
        assert_eq!(
            kinds("the European Court of Human Rights ruled so", vec![]),
            [(
                "European Court of Human Rights".to_string(),
                EntityType::Organization
            )]
        );
        assert_eq!(
            kinds("officials at the Ministry of Fisheries said so", vec![]),
            [(
                "Ministry of Fisheries".to_string(),
                EntityType::Organization
            )]
        );
        assert_eq!(
            kinds("the centre - left Green Alliance won", vec![]),
            [("Green Alliance".to_string(), EntityType::Organization)]
        );
        // A compass word and "Bank" name a region; a headline capitalises every word; a single
        // head word is no name.
        assert_eq!(
            kinds(
                "settlers in the West Bank clashed with police",
                vec![mention(3, 5, EntityType::Place)]
            ),
            [("West Bank".to_string(), EntityType::Place)]
        );
        assert!(kinds("Regional Bank Holds Rates Steady Again", vec![]).is_empty());
        // A name with "and" in it: the word before "and" is the name's.
        assert_eq!(
            kinds(
                "debt filed with the Securities and Exchange Commission",
                vec![mention(6, 8, EntityType::Organization)]
            ),
            [(
                "Securities and Exchange Commission".to_string(),
                EntityType::Organization
            )]
        );
        // The model's person that is the whole name, head word and all, is the club.
        assert_eq!(
            kinds(
                "Mondego FC sacked its coach",
                vec![mention(0, 2, EntityType::Person)]
            ),
            [("Mondego FC".to_string(), EntityType::Organization)]
        );
        assert!(kinds("the Union said so", vec![]).is_empty());
        // Company heads, over a place the model found inside ("Oslo Motors" is a company).
        assert_eq!(
            kinds(
                "Oslo Motors said it would",
                vec![mention(0, 1, EntityType::Place)]
            ),
            [("Oslo Motors".to_string(), EntityType::Organization)]
        );
        assert_eq!(
            kinds("shares of Fjord Airways fell", vec![]),
            [("Fjord Airways".to_string(), EntityType::Organization)]
        );
    }

    #[test]
    fn a_place_with_a_club_word_is_a_sports_club() {
        let g = gazetteer();
        let place = |s, e| mention(s, e, EntityType::Place);
        let person = |s, e| mention(s, e, EntityType::Person);
        for (text, found, club) in [
            // The recogniser's spans: the whole club, the place alone, a person.
            ("Bayern Munich beat Porto .", place(0, 2), (0, 2)),
            ("fans of Manchester United sang", place(2, 3), (2, 4)),
            ("Real Madrid signed him", person(0, 2), (0, 2)),
        ] {
            let toks = tokens(text);
            let mut out = vec![found];
            sports_clubs(&toks, &mut out, g);
            assert_eq!((out[0].start, out[0].end), club, "{text}");
            assert_eq!(out[0].kind, EntityType::Organization, "{text}");
        }
        // Found where the recogniser saw nothing, not where it saw something else.
        let toks = tokens("and Real Madrid signed Leeds United players");
        let mut out = vec![mention(4, 5, EntityType::Person)];
        unlabelled_sports_clubs(&toks, &mut out, g);
        let spans: Vec<_> = out.iter().map(|m| (m.start, m.end, m.kind)).collect();
        assert_eq!(
            spans,
            [(4, 5, EntityType::Person), (1, 3, EntityType::Organization)]
        );
        // A place alone, or "United" before a name, stays as it was.
        for (text, found) in [
            ("they flew to Munich .", place(3, 4)),
            ("the United States said", place(1, 3)),
        ] {
            let toks = tokens(text);
            let mut out = vec![found.clone()];
            sports_clubs(&toks, &mut out, g);
            assert_eq!(out[0], found, "{text}");
        }
    }

    #[test]
    fn a_listed_company_acting_as_a_subject_is_an_organisation() {
        let org = EntityType::Organization;
        // The subject of a verb, and a subject's conjunct.
        assert_eq!(
            organisations_found(
                "Netflix/NNP/2/nsubj raised/VBD/0/root prices/NNS/2/obj ././2/punct",
                vec![]
            ),
            vec![("Netflix".to_string(), org)]
        );
        assert_eq!(
            organisations_found(
                "Pfizer/NNP/4/nsubj and/CC/3/cc Moderna/NNP/1/conj delivered/VBD/0/root doses/NNS/4/obj",
                vec![]
            ),
            vec![("Pfizer".to_string(), org), ("Moderna".to_string(), org)]
        );
        // An indirect object: who is fined, paid or given something.
        assert_eq!(
            organisations_found(
                "regulators/NNS/2/nsubj fined/VBD/0/root Netflix/NNP/2/iobj $/$/2/obj 5/CD/4/nummod",
                vec![]
            ),
            vec![("Netflix".to_string(), org)]
        );
        // A brand named as a product, or not as an actor, is not an organisation.
        for text in [
            "my/PRP$/2/nmod:poss Honda/NNP/3/nsubj broke/VBD/0/root down/RP/3/compound:prt",
            "I/PRP/2/nsubj bought/VBD/0/root an/DT/5/det Apple/NNP/5/compound laptop/NN/2/obj",
            "She/PRP/2/nsubj watched/VBD/0/root Netflix/NNP/2/obj",
            // Inside a longer capitalised name the model did not label.
            "Netflix/NNP/3/nsubj Originals/NNP/1/flat grew/VBD/0/root",
            // One word that is also a surname: the lists cannot tell the singer from the brand.
            "Swift/NNP/2/nsubj arrived/VBD/0/root in/IN/4/case Tokyo/NNP/2/obl",
        ] {
            let found: Vec<_> = organisations_found(text, vec![])
                .into_iter()
                .filter(|(_, k)| *k == org)
                .collect();
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }

    #[test]
    fn a_listed_company_attached_to_a_title_or_business_noun_is_an_organisation() {
        let org = EntityType::Organization;
        for (text, name) in [
            (
                "Shares/NNS/4/nsubj of/IN/3/case Nvidia/NNP/1/nmod rose/VBD/0/root",
                "Nvidia",
            ),
            (
                "a/DT/2/det spokesperson/NN/0/root for/IN/4/case Pfizer/NNP/2/nmod",
                "Pfizer",
            ),
            ("Netflix/NNP/2/compound founder/NN/0/root", "Netflix"),
            (
                "Moderna/NNP/3/nmod:poss 's/POS/1/case shareholders/NNS/4/nsubj voted/VBD/0/root",
                "Moderna",
            ),
            // People named by what they belong to.
            (
                "Greenpeace/NNP/2/compound activists/NNS/3/nsubj climbed/VBD/0/root",
                "Greenpeace",
            ),
        ] {
            assert_eq!(
                organisations_found(text, vec![]),
                vec![(name.to_string(), org)],
                "{text}"
            );
        }
        // A capitalised title is part of a name itself; a noun that is neither title nor
        // business says nothing.
        for text in [
            "the/DT/2/det Secretary/NNP/0/root of/IN/4/case Netflix/NNP/2/nmod",
            "the/DT/3/det Netflix/NNP/3/compound show/NN/0/root",
            // (One activist is no group of members.)
            "the/DT/3/det Greenpeace/NNP/3/compound activist/NN/0/root",
        ] {
            assert_eq!(organisations_found(text, vec![]), vec![], "{text}");
        }
    }

    #[test]
    fn a_listed_company_the_model_read_as_a_city_or_person_is_an_organisation_as_a_subject() {
        let org = EntityType::Organization;
        assert_eq!(
            organisations_found(
                "Toyota/NNP/2/nsubj recalled/VBD/0/root cars/NNS/2/obj",
                vec![mention(0, 1, EntityType::Place)]
            ),
            vec![("Toyota".to_string(), org)]
        );
        assert_eq!(
            organisations_found(
                "Goldman/NNP/2/compound Sachs/NNP/3/nsubj raised/VBD/0/root its/PRP$/5/nmod:poss target/NN/3/obj",
                vec![mention(0, 2, EntityType::Person)]
            ),
            vec![("Goldman Sachs".to_string(), org)]
        );
        // As the place of an event, the city stays a city.
        assert_eq!(
            organisations_found(
                "Talks/NNS/3/nsubj were/VBD/3/cop in/IN/4/case Toyota/NNP/0/root",
                vec![mention(3, 4, EntityType::Place)]
            ),
            vec![("Toyota".to_string(), EntityType::Place)]
        );
    }
}
