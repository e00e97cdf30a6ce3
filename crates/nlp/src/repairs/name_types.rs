//! One type per name in a document. The recogniser types each mention from its own sentence, and
//! a name it never saw in training gets whatever its words suggest there: "Litio Andino" a
//! company in one sentence, a person in the next two, "Haneul Battery" a place. The text usually
//! says what the thing is, once: "Chilean lithium producer Litio Andino", "Oleificio Ferrante, a
//! family-owned company", "Her publisher, Cairo-based Dar Al-Nakhla", or the name's own last
//! word ("Kestrel Bank", "Selatan Mobile"). Such a description decides the type of every mention
//! of the name in the document, and of the name's first word written alone ("Kestrel" for
//! "Kestrel Bank") when no person bears it; names the text does not describe keep the
//! recogniser's types, and gazetteer places and aliases ("U.S.", nationalities) are left alone.

use std::collections::HashMap;

use crate::doc::{Deprel, Document, EntityType, Token, Upos, Xpos};
use crate::gazetteer::{gazetteer, Gazetteer};

/// Nouns that describe a business: "company", "firm", and those WordNet's first sense makes a
/// person ("lithium producer", "a Hong Kong lender") or that it lacks ("start-up"). Right
/// before a name they describe it even where the parser put them elsewhere.
const ORGANISATION_NOUNS: &[&str] = &[
    "airline",
    "automaker",
    "bank",
    "broadcaster",
    "brokerage",
    "carmaker",
    "carrier",
    "company",
    "conglomerate",
    "developer",
    "distributor",
    "exporter",
    "firm",
    "group",
    "importer",
    "lender",
    "maker",
    "manufacturer",
    "miner",
    "newspaper",
    "operator",
    "outlet",
    "platform",
    "producer",
    "refiner",
    "retailer",
    "shipper",
    "start-up",
    "startup",
    "subsidiary",
    "supplier",
    "utility",
];

/// Last words of business names beyond `org_suffixes.txt`: the trade a company is named after
/// ("Haneul Battery", "Selatan Mobile", "Tsagaan Uul Mining", "Sahel Microfinance").
const TRADE_WORDS: &[&str] = &[
    "aerospace",
    "automotive",
    "batteries",
    "battery",
    "biologics",
    "capital",
    "chemicals",
    "electronics",
    "energy",
    "finance",
    "foods",
    "health",
    "healthcare",
    "industries",
    "insurance",
    "investments",
    "logistics",
    "media",
    "microfinance",
    "mining",
    "mobile",
    "petroleum",
    "pharma",
    "pharmaceuticals",
    "resources",
    "securities",
    "shipping",
    "steel",
    "telecom",
    "telecoms",
    "terminals",
    "trading",
    "ventures",
];

/// Person nouns that also describe companies or sides of a deal: no evidence either way ("the
/// trader, Jade Harbour Resources"; "Amina Saide, a trader").
const EITHER_NOUNS: &[&str] = &[
    "buyer",
    "client",
    "creditor",
    "customer",
    "donor",
    "investor",
    "leader",
    "member",
    "owner",
    "partner",
    "rival",
    "seller",
    "shareholder",
    "sponsor",
    "trader",
    "winner",
];

/// Nouns that describe a place ("Lucunga, a town in Cabo Delgado") besides the heads of place
/// names in the gazetteer.
const PLACE_NOUNS: &[&str] = &[
    "town", "city", "village", "region", "province", "district", "country", "capital",
];

const COMPASS_WORDS: &[&str] = &[
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
];

/// How much a description counts against the recogniser's guess for one mention.
const DESCRIPTION_WEIGHT: usize = 2;

/// Gives every mention of a described name in `document` the type its descriptions and
/// mentions vote for (see the module documentation).
pub fn repair(document: &mut Document) {
    let g = gazetteer();
    // Per name (its words, lowercase): votes per type, and whether a description voted.
    let mut votes: HashMap<String, ([usize; 4], bool)> = HashMap::new();
    for sentence in &document.sentences {
        let t = &sentence.tokens;
        for m in &sentence.mentions {
            if !typed_by_the_recogniser(m, t, g) {
                continue;
            }
            let entry = votes.entry(key(&t[m.start..m.end])).or_default();
            entry.0[index(m.kind)] += 1;
            let words: Vec<&str> = t[m.start..m.end].iter().map(|x| x.form.as_str()).collect();
            let described = [description(t, m.start, m.end, g), name_head(&words, g)];
            for kind in described.into_iter().flatten() {
                entry.0[index(kind)] += DESCRIPTION_WEIGHT;
                entry.1 = true;
            }
        }
    }
    let decided: HashMap<String, EntityType> = votes
        .iter()
        .filter(|(_, (_, described))| *described)
        .filter_map(|(k, (v, _))| winner(v).map(|kind| (k.clone(), kind)))
        .collect();
    if decided.is_empty() {
        return;
    }
    // A name's first word alone is the organisation written short ("Kestrel"), unless a person
    // of the document bears it or two organisations share it.
    let mut short: HashMap<String, Option<EntityType>> = HashMap::new();
    for (k, kind) in &decided {
        if let (EntityType::Organization, Some((first, _))) = (kind, k.split_once(' ')) {
            short
                .entry(first.to_owned())
                .and_modify(|s| *s = None)
                .or_insert(Some(EntityType::Organization));
        }
    }
    for sentence in &document.sentences {
        let t = &sentence.tokens;
        for m in &sentence.mentions {
            let k = key(&t[m.start..m.end]);
            if m.kind == EntityType::Person && m.end - m.start > 1 {
                if let Some((_, last)) = k.rsplit_once(' ') {
                    short.insert(last.to_owned(), None);
                }
            }
        }
    }
    for sentence in &mut document.sentences {
        // The first word alone where the recogniser found nothing ("Kestrel chief executive
        // Tunde Adeyemi"): a mention of the organisation too.
        let t = &sentence.tokens;
        let named = |i: usize, mentions: &[crate::doc::Mention]| {
            mentions.iter().any(|m| m.start <= i && i < m.end)
        };
        let capitalised_name = |i: usize| {
            t.get(i).is_some_and(|x| {
                x.upos == Upos::Propn && x.form.chars().next().is_some_and(char::is_uppercase)
            })
        };
        let alone: Vec<usize> = (0..t.len())
            .filter(|&i| {
                t[i].upos == Upos::Propn
                    && !g.is_first_name(&t[i].form)
                    && !named(i, &sentence.mentions)
                    && !i.checked_sub(1).is_some_and(capitalised_name)
                    && !capitalised_name(i + 1)
                    && short.get(&t[i].form.to_lowercase()) == Some(&Some(EntityType::Organization))
            })
            .collect();
        for i in alone {
            sentence.mentions.push(crate::doc::Mention {
                start: i,
                end: i + 1,
                kind: EntityType::Organization,
                refers_to: None,
                external_id: None,
            });
        }
        sentence.mentions.sort_by_key(|m| (m.start, m.end));
        let t = &sentence.tokens;
        for m in &mut sentence.mentions {
            if !typed_by_the_recogniser(m, t, g) {
                continue;
            }
            let k = key(&t[m.start..m.end]);
            // ("Melinda" alone is no "Melinda Gates Foundation".)
            let kind = decided.get(&k).copied().or_else(|| {
                short
                    .get(&k)
                    .copied()
                    .flatten()
                    .filter(|_| m.end - m.start == 1 && !g.is_first_name(&t[m.start].form))
            });
            if let Some(kind) = kind {
                m.kind = kind;
            }
        }
    }
}

/// A mention whose type is the recogniser's guess: not an alias or nationality the rules
/// resolved, not a gazetteer place.
fn typed_by_the_recogniser(m: &crate::doc::Mention, t: &[Token], g: &Gazetteer) -> bool {
    let words: Vec<&str> = t[m.start..m.end].iter().map(|x| x.form.as_str()).collect();
    m.refers_to.is_none()
        && m.external_id.is_none()
        && m.kind != EntityType::Other
        && g.place(&words).is_none()
}

fn key(tokens: &[Token]) -> String {
    tokens
        .iter()
        .map(|t| t.form.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

fn index(kind: EntityType) -> usize {
    match kind {
        EntityType::Person => 0,
        EntityType::Organization => 1,
        EntityType::Place => 2,
        EntityType::Other => 3,
    }
}

/// The type with the most votes, if one has more than any other.
fn winner(votes: &[usize; 4]) -> Option<EntityType> {
    let kinds = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Place,
        EntityType::Other,
    ];
    let best = *votes.iter().max()?;
    let mut top = kinds.into_iter().filter(|&k| votes[index(k)] == best);
    let kind = top.next()?;
    top.next().is_none().then_some(kind)
}

/// What the name's own last word says: "Kestrel Bank", "Selatan Mobile" are organisations
/// (a word of `org_suffixes.txt`, [`TRADE_WORDS`] or [`ORGANISATION_NOUNS`]).
fn name_head(words: &[&str], g: &Gazetteer) -> Option<EntityType> {
    let [first, .., last] = words else {
        return None;
    };
    // "West Bank", "South Health" are regions.
    if COMPASS_WORDS.contains(first) {
        return None;
    }
    let lower = last.to_lowercase();
    let w = lower.as_str();
    (g.is_org_suffix(last) || TRADE_WORDS.contains(&w) || ORGANISATION_NOUNS.contains(&w))
        .then_some(EntityType::Organization)
}

/// What a common noun describing the name says it is: the noun right before it ("lithium
/// producer Litio Andino", "the brokerage Volta Capital"), the head of a noun phrase set off
/// after it with an article or possessor ("Oleificio Ferrante, a family-owned company based
/// in …", "Hoshida Motors, Japan's fourth-largest carmaker,"), or the noun before a comma
/// right before it ("Her publisher, Cairo-based Dar Al-Nakhla").
fn description(t: &[Token], start: usize, end: usize, g: &Gazetteer) -> Option<EntityType> {
    // "Cairo-based Dar Al-Nakhla": the place before "-based" is no description.
    let mut s = start;
    if s >= 3 && t[s - 1].form == "based" && t[s - 2].form == "-" {
        s -= 3;
    }
    // (One noun phrase with the name in the tree: not "the meeting Leslie and I had".)
    let inside = |i: usize| (start..end).contains(&i);
    let head = (start..end).find(|&i| !t[i].head.is_some_and(inside));
    let describes = |k: usize| {
        t[k].head.is_some_and(inside)
            || head.is_some_and(|h| {
                t[h].head == Some(k)
                    && matches!(
                        t[h].deprel.base(),
                        Deprel::Appos | Deprel::Compound | Deprel::Flat
                    )
            })
    };
    // (A noun of the hand-written lists, or a title, says it also where the parser went
    // astray: "analysts at the local brokerage | Cordillera Valores said".)
    let listed = |k: usize| {
        let w = lemma(&t[k]);
        ORGANISATION_NOUNS.contains(&w.as_str()) || g.is_title(&w)
    };
    let before = s
        .checked_sub(1)
        .filter(|&k| common_noun(&t[k]) && (describes(k) || listed(k)));
    if let Some(k) = before {
        return noun_type(&t[k], g);
    }
    if s >= 2 && t[s - 1].form == "," && common_noun(&t[s - 2]) {
        // (Only a phrase of its own: "Her publisher," "The trader," not a list's last item.)
        let mut k = s - 2;
        while k > 0 && matches!(t[k - 1].upos, Upos::Adj | Upos::Noun) {
            k -= 1;
        }
        let opens = k == 0
            || matches!(t[k - 1].upos, Upos::Det)
            || t[k - 1].xpos == Xpos::PrpDollar
            || t[k - 1].xpos == Xpos::Pos;
        if opens {
            return noun_type(&t[s - 2], g);
        }
    }
    apposition_after(t, end).and_then(|k| noun_type(&t[k], g))
}

/// The head noun of "…, a family-owned company based in": a noun phrase right after the
/// name's comma that opens with an article or a possessor and ends where a clause, a
/// preposition or punctuation starts.
fn apposition_after(t: &[Token], end: usize) -> Option<usize> {
    if t.get(end)?.form != "," {
        return None;
    }
    let mut j = end + 1;
    let mut opened = false;
    if t.get(j)
        .is_some_and(|x| x.upos == Upos::Det || x.xpos == Xpos::PrpDollar)
    {
        j += 1;
        opened = true;
    } else {
        // "Japan's": a possessor.
        let mut k = j;
        while t.get(k).is_some_and(|x| x.upos == Upos::Propn) {
            k += 1;
        }
        if k > j && t.get(k).is_some_and(|x| x.xpos == Xpos::Pos) {
            j = k + 1;
            opened = true;
        }
    }
    if !opened {
        return None;
    }
    let mut head = None;
    while let Some(x) = t.get(j) {
        let joined = x.form == "-" || (j > 0 && t[j - 1].form == "-");
        if common_noun(x) {
            head = Some(j);
        } else if !(matches!(x.upos, Upos::Adj | Upos::Num | Upos::Adv) || joined) {
            break;
        }
        j += 1;
    }
    // (Not a subject after a fronted phrase: "In England, the cuckoo returns earlier".)
    let boundary = t.get(j).is_none_or(|x| {
        matches!(x.upos, Upos::Punct | Upos::Adp | Upos::Pron | Upos::Cconj)
            || (x.upos == Upos::Verb && matches!(x.xpos, Xpos::Vbn | Xpos::Vbg))
    });
    head.filter(|_| boundary)
}

fn lemma(t: &Token) -> String {
    if t.lemma.is_empty() {
        t.form.to_lowercase()
    } else {
        t.lemma.to_lowercase()
    }
}

fn common_noun(t: &Token) -> bool {
    t.upos == Upos::Noun && t.form.chars().next().is_some_and(char::is_lowercase)
}

/// The type a describing noun gives: an organisation for a business noun or a WordNet group
/// noun, a person for a WordNet person noun or a title, a place for a place noun.
fn noun_type(t: &Token, g: &Gazetteer) -> Option<EntityType> {
    let lemma = lemma(t);
    let w = lemma.as_str();
    if EITHER_NOUNS.contains(&w) {
        None
    } else if ORGANISATION_NOUNS.contains(&w) || (g.is_agent_noun(w) && !g.is_person_noun(w)) {
        Some(EntityType::Organization)
    } else if g.is_person_noun(w) || g.is_title(w) {
        Some(EntityType::Person)
    } else if PLACE_NOUNS.contains(&w) || g.is_place_head(w) {
        Some(EntityType::Place)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::EntityType::{Organization, Person, Place};
    use crate::doc::Sentence;
    use crate::repairs::notation::parsed;

    fn document(sentences: Vec<Sentence>) -> Document {
        Document {
            sentences,
            ..Document::default()
        }
    }

    fn kinds(d: &Document) -> Vec<Vec<(usize, EntityType)>> {
        d.sentences
            .iter()
            .map(|s| s.mentions.iter().map(|m| (m.start, m.kind)).collect())
            .collect()
    }

    #[test]
    fn a_description_types_every_mention_of_the_name() {
        // "Chilean lithium producer Litio Andino agreed …", then "Litio Andino is building …"
        // twice, which the recogniser took for a person.
        let first = parsed(
            "lithium/NOUN/NN/lithium/2/compound producer/NOUN/NN/producer/3/compound \
             Litio/PROPN/NNP/_/4/compound Andino/PROPN/NNP/_/5/nsubj agreed/VERB/VBD/agree/0/root",
            &[(2, 4, Organization)],
        );
        let later = || {
            parsed(
                "Litio/PROPN/NNP/_/2/flat Andino/PROPN/NNP/_/4/nsubj is/AUX/VBZ/be/4/aux \
                 building/VERB/VBG/build/0/root",
                &[(0, 2, Person)],
            )
        };
        let mut d = document(vec![first, later(), later()]);
        repair(&mut d);
        assert_eq!(
            kinds(&d),
            [
                vec![(2, Organization)],
                vec![(0, Organization)],
                vec![(0, Organization)]
            ]
        );

        // Without the description the recogniser's types stay.
        let mut d = document(vec![later(), later()]);
        repair(&mut d);
        assert_eq!(kinds(&d), [vec![(0, Person)], vec![(0, Person)]]);
    }

    #[test]
    fn an_apposition_after_the_name_describes_it_but_a_fronted_phrase_does_not() {
        // "Oleificio Ferrante, a family-owned company based in Andria"
        let mut d = document(vec![parsed(
            "Oleificio/PROPN/NNP/_/2/flat Ferrante/PROPN/NNP/_/0/root ,/PUNCT/,/,/5/punct \
             a/DET/DT/a/5/det company/NOUN/NN/company/2/appos based/VERB/VBN/base/5/acl \
             in/ADP/IN/in/8/case Andria/PROPN/NNP/_/6/obl",
            &[(0, 2, Person), (7, 8, Place)],
        )]);
        repair(&mut d);
        assert_eq!(kinds(&d), [vec![(0, Organization), (7, Place)]]);

        // "In Dorset, the cuckoo returns": the noun after the comma is the clause's subject.
        let mut d = document(vec![parsed(
            "In/ADP/IN/in/2/case Dorset/PROPN/NNP/_/6/obl ,/PUNCT/,/,/2/punct the/DET/DT/the/5/det \
             cuckoo/NOUN/NN/cuckoo/6/nsubj returns/VERB/VBZ/return/0/root",
            &[(1, 2, Place)],
        )]);
        repair(&mut d);
        assert_eq!(kinds(&d), [vec![(1, Place)]]);
    }

    #[test]
    fn the_first_word_alone_is_the_organisation_unless_it_is_a_first_name() {
        let named = parsed(
            "Kestrel/PROPN/NNP/_/2/compound Bank/PROPN/NNP/_/3/nsubj grew/VERB/VBD/grow/0/root",
            &[(0, 2, Place)],
        );
        // "Kestrel chief executive Tunde Adeyemi said": "Kestrel" unrecognised.
        let short = parsed(
            "Kestrel/PROPN/NNP/_/3/compound chief/ADJ/JJ/chief/3/amod \
             executive/NOUN/NN/executive/6/nsubj Tunde/PROPN/NNP/_/3/appos \
             Adeyemi/PROPN/NNP/_/4/flat said/VERB/VBD/say/0/root",
            &[(3, 5, Person)],
        );
        let mut d = document(vec![named, short]);
        repair(&mut d);
        assert_eq!(
            kinds(&d),
            [
                vec![(0, Organization)],
                vec![(0, Organization), (3, Person)]
            ]
        );

        // "Melinda" alone is a person, not the "Melinda Gates Foundation".
        let named = parsed(
            "Melinda/PROPN/NNP/_/3/compound Gates/PROPN/NNP/_/3/compound \
             Foundation/PROPN/NNP/_/4/nsubj grew/VERB/VBD/grow/0/root",
            &[(0, 3, Organization)],
        );
        let alone = parsed(
            "Melinda/PROPN/NNP/_/2/nsubj left/VERB/VBD/leave/0/root",
            &[(0, 1, Person)],
        );
        let mut d = document(vec![named, alone]);
        repair(&mut d);
        assert_eq!(kinds(&d), [vec![(0, Organization)], vec![(0, Person)]]);
    }
}
