//! Titles and roles: titles are no part of a person's name but say that a name is a person's, as
//! does a role apposition after it; an organisation noun before a name, or an apposition calling
//! it a company, says it is an organisation's; a place head word ending a name, a place's.

use super::{capitalised_run, is_capitalised};
use crate::doc::{EntityType, Mention, Token, Xpos};
use crate::gazetteer::Gazetteer;
use crate::ner::labels::mention;

/// Leading titles are no part of a person's name ("President Jane Doe" → "Jane Doe"), nor is a
/// nationality before a title ("German Chancellor Olaf Scholz": it becomes a mention of its own,
/// see `unlabelled_nationalities`); a person that is only a title is no mention.
pub(super) fn titles_before_a_name(tokens: &[Token], out: &mut Vec<Mention>, g: &Gazetteer) {
    out.retain_mut(|m| {
        if m.kind != EntityType::Person {
            return true;
        }
        if let Some((e, _)) = g
            .demonym_at(tokens, m.start)
            .filter(|&(e, _)| e < m.end && g.title_at(tokens, e).is_some_and(|t| t < m.end))
        {
            m.start = e;
        }
        while let Some(e) = g.title_at(tokens, m.start).filter(|&e| e < m.end) {
            m.start = e;
        }
        // A title alone is no name.
        g.title_at(tokens, m.start).is_none_or(|e| e < m.end)
    });
}

/// A lowercase title inside a mention ("HMWU general secretary Thandiwe Zulu", "Mondego coach
/// Pavel Novák") ends the name of the organisation before it: the capitalised words after the
/// title are a person's name, those before it an organisation's (a nationality or a known
/// place before it is left to the rules for those); an organisation's mention right after a
/// lowercase title is a person's.
pub(super) fn titles_inside_a_name(tokens: &[Token], out: &mut Vec<Mention>, g: &Gazetteer) {
    let mut added = Vec::new();
    for m in out.iter_mut() {
        if m.kind == EntityType::Other {
            continue;
        }
        // "HMWU general secretary | Thandiwe Zulu" as two mentions: a name right after a
        // lowercase title is a person's, unless an organisation word ends it.
        let titled = (1..=3.min(m.start)).any(|j| {
            let t = &tokens[m.start - j];
            t.form.chars().next().is_some_and(char::is_lowercase)
                && g.title_at(tokens, m.start - j) == Some(m.start)
        });
        // Two words at least: "major Hamas leaders" is no person Hamas.
        if titled
            && m.end - m.start >= 2
            && m.kind == EntityType::Organization
            && tokens[m.start..m.end]
                .iter()
                .all(|t| is_capitalised(&t.form))
            && !g.is_org_suffix(&tokens[m.end - 1].form)
        {
            m.kind = EntityType::Person;
            continue;
        }
        let Some((k, e)) = (m.start + 1..m.end).find_map(|k| {
            let lowercase = tokens[k]
                .form
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            let e = g.title_at(tokens, k).filter(|&e| e < m.end)?;
            (lowercase && tokens[e..m.end].iter().all(|t| is_capitalised(&t.form)))
                .then_some((k, e))
        }) else {
            continue;
        };
        // "general secretary": the title's lowercase words before the one found.
        let mut k = k;
        while k > m.start
            && tokens[k - 1]
                .form
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        {
            k -= 1;
        }
        let before = &tokens[m.start..k];
        let words: Vec<&str> = before.iter().map(|t| t.form.as_str()).collect();
        let organisation = !before.is_empty()
            && before.iter().all(|t| is_capitalised(&t.form))
            && g.place(&words).is_none()
            && g.demonym(&words).is_none();
        if organisation {
            added.push(mention(m.start, k, EntityType::Organization));
        }
        m.start = e;
        m.kind = EntityType::Person;
        m.refers_to = None;
        m.external_id = None;
    }
    out.extend(added);
}

/// Between a title and a person's name, a capitalised word that the name lists know, and that is
/// no title, nationality or place, is part of the name ("Foreign Minister Wang | Yi", with
/// "Wang" read as a common noun). (Without the title before it, the same extension cost UNER dev
/// 0.4 points: "Dear Sam | Smith".)
pub(super) fn listed_names_after_a_title(tokens: &[Token], out: &mut [Mention], g: &Gazetteer) {
    for m in out.iter_mut().filter(|m| m.kind == EntityType::Person) {
        while m.start > 1
            && g.is_title(&tokens[m.start - 2].form)
            && is_capitalised(&tokens[m.start - 1].form)
            && g.is_person_name(&tokens[m.start - 1].form)
            && !g.is_title(&tokens[m.start - 1].form)
            && g.demonym_at(tokens, m.start - 1).is_none()
            && g.place_at(tokens, m.start - 1).is_none()
        {
            m.start -= 1;
        }
    }
}

/// A monarch or pope is known by title and given name: "Pope Francis", "King Charles III". The
/// mention stays the name (UNER leaves titles out), but it refers to the titled name, which the
/// graph and coreference use.
pub(super) fn monarchs_titled_names(tokens: &[Token], out: &mut [Mention], g: &Gazetteer) {
    for m in out.iter_mut().filter(|m| m.kind == EntityType::Person) {
        if let Some(title) = (1..=3.min(m.start))
            .map(|k| m.start - k)
            .find(|&s| g.title_at(tokens, s) == Some(m.start))
            .filter(|_| {
                let given = &tokens[m.start..m.end];
                given.len() == 1 || (given.len() == 2 && is_roman_numeral(&given[1].form))
            })
            .filter(|_| {
                let last = &tokens[m.start - 1].form;
                is_capitalised(last) && MONARCH_TITLES.contains(&last.to_lowercase().as_str())
            })
        {
            let words: Vec<&str> = tokens[title..m.end]
                .iter()
                .map(|t| t.form.as_str())
                .collect();
            m.refers_to = Some(words.join(" "));
        }
    }
}

/// Titles that go with a given name alone: the titled name is the person's name.
const MONARCH_TITLES: [&str; 11] = [
    "pope", "king", "queen", "prince", "princess", "emperor", "empress", "sultan", "tsar", "czar",
    "pharaoh",
];

/// "II", "III", "XIV": a regnal number.
fn is_roman_numeral(word: &str) -> bool {
    !word.is_empty() && word.len() <= 5 && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// General rules that type a name from the words around it, where the statistical model is
/// weak (it learnt from web text, not news):
/// - a capitalised name right after a title ("spokesperson Jane Doe") or followed by a role
///   apposition (", the bank's chief economist") is a person, unless it is a known place;
/// - a capitalised name right after an organisation noun ("news agency Interfax") is an
///   organisation;
/// - a name of two or more words ending in a place head word ("Keflavik Airport", "Baikonur
///   Cosmodrome") is a place, whatever the model said.
pub(super) fn role_and_head_rules(tokens: &[Token], out: &mut Vec<Mention>, g: &Gazetteer) {
    // A title ends at `i` ("spokesperson", "Prime Minister" before the name).
    let title_before = |i: usize| (1..=3.min(i)).any(|k| g.title_at(tokens, i - k) == Some(i));
    let known = |start: usize, end: usize| {
        let words: Vec<&str> = tokens[start..end].iter().map(|t| t.form.as_str()).collect();
        g.place(&words).is_some() || g.demonym(&words).is_some()
    };
    // A title ends right before `i`, or before a comma there: "the club's chairman, Victor Hill".
    let title_or_role_before =
        |i: usize| title_before(i) || (i >= 2 && tokens[i - 1].form == "," && title_before(i - 1));
    for m in out.iter_mut() {
        let last = tokens[m.end - 1].form.to_lowercase();
        if m.kind == EntityType::Other || known(m.start, m.end) {
            continue;
        }
        // A first name and a surname that is also a place head word ("Hill", "Park"), said to
        // hold a role, is a person: "the transport minister, Rosa Park," is no park.
        if m.end - m.start == 2
            && g.word_classes(&tokens[m.start].form.to_lowercase())
                .first_name
            && (title_or_role_before(m.start) || followed_by_role(tokens, m.end, g))
        {
            m.kind = EntityType::Person;
            continue;
        }
        if m.end - m.start >= 2
            && is_capitalised(&tokens[m.end - 1].form)
            && g.is_place_head(&last)
            && !WEAK_PLACE_HEADS.contains(&last.as_str())
        {
            m.kind = EntityType::Place;
        } else if m.kind != EntityType::Person
            && capitalised_run(tokens, m.start) == m.end
            && !g.is_org_suffix(&last)
            && followed_by_role(tokens, m.end, g)
        {
            m.kind = EntityType::Person;
        } else if m.kind != EntityType::Organization
            && (followed_by_organisation_noun(tokens, m.end)
                || (ORG_DESCRIPTORS.contains(&word_before(tokens, m.start).as_str())
                    && !g
                        .word_classes(&tokens[m.start].form.to_lowercase())
                        .first_name))
        {
            m.kind = EntityType::Organization;
            m.external_id = None;
            m.refers_to = None;
        }
    }
    let mut i = 0;
    while i < tokens.len() {
        if let Some(e) = g.title_at(tokens, i) {
            // Past a title ("President", "Foreign Minister"): the name may follow.
            i = e;
            continue;
        }
        let end = capitalised_run(tokens, i);
        if end == i || out.iter().any(|m| m.start < end && i < m.end) || known(i, end) {
            i = end.max(i + 1);
            continue;
        }
        let before = word_before(tokens, i);
        let org_suffix = g.is_org_suffix(&tokens[end - 1].form);
        let kind = if !org_suffix && (title_before(i) || followed_by_role(tokens, end, g)) {
            Some(EntityType::Person)
        } else if ORG_DESCRIPTORS.contains(&before.as_str())
            || followed_by_organisation_noun(tokens, end)
        {
            Some(EntityType::Organization)
        } else {
            None
        };
        if let Some(kind) = kind {
            out.push(mention(i, end, kind));
        }
        i = end;
    }
}

/// The word before token `i`, lowercase, a hyphenated word whole ("start-up" written "start",
/// "-", "up").
fn word_before(tokens: &[Token], i: usize) -> String {
    match i {
        0 => String::new(),
        _ if i >= 3 && tokens[i - 2].form == "-" && !tokens[i - 2].space_after => format!(
            "{}-{}",
            tokens[i - 3].form.to_lowercase(),
            tokens[i - 1].form.to_lowercase()
        ),
        _ => tokens[i - 1].form.to_lowercase(),
    }
}

/// Lowercase nouns that, right before a name, say it is an organisation ("the news agency
/// Interfax", "the carmaker Volvo", "the newspaper Le Monde", "logistics start-up Pakia"); a
/// name the model took for a person's is retyped unless it starts with a first name.
const ORG_DESCRIPTORS: [&str; 20] = [
    "start-up",
    "startup",
    "lender",
    "insurer",
    "retailer",
    "producer",
    "agency",
    "newspaper",
    "daily",
    "broadcaster",
    "company",
    "firm",
    "carmaker",
    "automaker",
    "airline",
    "bank",
    "group",
    "party",
    "network",
    "magazine",
];

/// Place head words that do not decide the type of a whole name on their own: "Secretary of
/// State" and "Manchester City" are not places.
const WEAK_PLACE_HEADS: [&str; 4] = ["state", "city", "town", "border"];

/// Whether the words after a name and a comma form a role phrase that ends in a title before the
/// clause ends: "Jane Doe, the company's chief executive," / "…, Norway's Foreign Ministry
/// spokesperson."
fn followed_by_role(tokens: &[Token], end: usize, g: &Gazetteer) -> bool {
    if tokens.get(end).map(|t| t.form.as_str()) != Some(",") {
        return false;
    }
    let mut k = end + 1;
    let mut last_title = false;
    while k < tokens.len() && k <= end + 8 {
        let f = tokens[k].form.as_str();
        if matches!(f, "," | "." | ";" | ":" | "said" | "says" | "and") {
            break;
        }
        last_title = g.is_title(f);
        k += 1;
    }
    last_title
}

/// Whether the name ending at `end` is followed by an apposition that calls it a company or
/// another organisation: "Rivian, the electric truck maker", "Kakao, a South Korean internet
/// firm". The apposition's last word decides ("Smith, the company's chief executive" is a
/// person's).
fn followed_by_organisation_noun(tokens: &[Token], end: usize) -> bool {
    if tokens.get(end).map(|t| t.form.as_str()) != Some(",")
        || !tokens
            .get(end + 1)
            .is_some_and(|t| matches!(t.form.to_lowercase().as_str(), "the" | "a" | "an"))
    {
        return false;
    }
    let mut last = None;
    for t in tokens.iter().skip(end + 2).take(6) {
        if matches!(
            t.form.as_str(),
            "," | "." | ";" | ":" | "(" | "said" | "says"
        ) || t.xpos.is_verb()
            || t.xpos == Xpos::In
        {
            break;
        }
        last = Some(t.form.to_lowercase());
    }
    last.is_some_and(|w| {
        ORG_DESCRIPTORS.contains(&w.as_str())
            || ORGANISATION_APPOSITIONS.contains(&w.as_str())
            || w.ends_with("maker")
    })
}

/// Nouns that, ending an apposition, call the name before it an organisation (beside
/// [`ORG_DESCRIPTORS`] and "…maker").
const ORGANISATION_APPOSITIONS: [&str; 14] = [
    "startup",
    "start-up",
    "retailer",
    "manufacturer",
    "producer",
    "giant",
    "conglomerate",
    "lender",
    "insurer",
    "operator",
    "developer",
    "publisher",
    "charity",
    "organisation",
];

#[cfg(test)]
mod tests {
    use crate::ner::rules::notation::*;

    #[test]
    fn a_title_inside_a_mention_splits_the_organisation_from_the_person() {
        let t = tokens("HMWU general secretary Thandiwe Zulu told reporters");
        assert_eq!(
            named(&t, vec![mention(0, 5, EntityType::Organization)]),
            [
                ("HMWU".to_string(), EntityType::Organization),
                ("Thandiwe Zulu".to_string(), EntityType::Person)
            ]
        );
        // Or as two mentions: the one after the title is a person.
        let t = tokens("HMWU general secretary Thandiwe Zulu told reporters");
        assert_eq!(
            named(
                &t,
                vec![
                    mention(0, 1, EntityType::Organization),
                    mention(3, 5, EntityType::Organization)
                ]
            )[1],
            ("Thandiwe Zulu".to_string(), EntityType::Person)
        );
        // A nationality before the title is no organisation.
        let t = tokens("Kenyan coach Peter Otieno said");
        assert_eq!(
            named(&t, vec![mention(0, 4, EntityType::Person)])
                .into_iter()
                .filter(|(_, k)| *k != EntityType::Other)
                .collect::<Vec<_>>(),
            [("Peter Otieno".to_string(), EntityType::Person)]
        );
    }

    #[test]
    fn a_nationality_and_title_are_stripped_from_person_names() {
        let t = tokens("German Chancellor Olaf Scholz met them");
        let out = post_rules(&t, vec![mention(0, 4, EntityType::Person)], gazetteer());
        let got: Vec<_> = out.iter().map(|m| (m.start, m.end, m.kind)).collect();
        assert_eq!(
            got,
            vec![(0, 1, EntityType::Other), (2, 4, EntityType::Person)]
        );
        // A nationality without a title after it may be part of a name ("Jordan Peterson").
        let t = tokens("German Olaf Scholz met them");
        let out = post_rules(&t, vec![mention(0, 3, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (0, 3));
    }

    #[test]
    fn a_listed_name_between_a_title_and_the_name_is_part_of_it() {
        let t = tokens("Foreign Minister Wang Yi met them");
        let out = post_rules(&t, vec![mention(3, 4, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (2, 4));
        // Not without a title before it, and not a place.
        let t = tokens("the Wang Yi met them");
        let out = post_rules(&t, vec![mention(2, 3, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (2, 3));
        let t = tokens("Minister Paris Yi met them");
        let out = post_rules(&t, vec![mention(2, 3, EntityType::Person)], gazetteer());
        assert_eq!(
            out.iter()
                .find(|m| m.kind == EntityType::Person)
                .map(|m| (m.start, m.end)),
            Some((2, 3))
        );
    }

    #[test]
    fn a_monarch_or_pope_refers_to_the_titled_name() {
        let t = tokens("said Pope Francis today");
        let out = post_rules(&t, vec![mention(2, 3, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (2, 3));
        assert_eq!(out[0].refers_to.as_deref(), Some("Pope Francis"));
        let t = tokens("British King Charles III visited");
        let out = post_rules(&t, vec![mention(1, 4, EntityType::Person)], gazetteer());
        let charles = out.iter().find(|m| m.kind == EntityType::Person).unwrap();
        assert_eq!((charles.start, charles.end), (2, 4));
        assert_eq!(charles.refers_to.as_deref(), Some("King Charles III"));
        // Other titles go with a surname, and a full name needs no title.
        let t = tokens("said President Biden today");
        let out = post_rules(&t, vec![mention(2, 3, EntityType::Person)], gazetteer());
        assert_eq!(out[0].refers_to, None);
        let t = tokens("said Prince Mohammed bin Salman today");
        let out = post_rules(&t, vec![mention(2, 5, EntityType::Person)], gazetteer());
        assert_eq!(out[0].refers_to, None);
    }

    #[test]
    fn titles_are_stripped_from_person_names() {
        let t = tokens("said President Jane Doe today");
        let out = post_rules(&t, vec![mention(1, 4, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (2, 4));
        let t = tokens("Prime Minister Jane Doe resigned");
        let out = post_rules(&t, vec![mention(0, 4, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (2, 4));
        // A title alone is not a person.
        let t = tokens("the President said");
        assert!(post_rules(&t, vec![mention(1, 2, EntityType::Person)], gazetteer()).is_empty());
    }

    #[test]
    fn names_ending_in_a_place_head_are_places() {
        let t = tokens("they landed at Keflavik Airport on Monday");
        let out = post_rules(&t, vec![mention(3, 5, EntityType::Person)], gazetteer());
        assert_eq!(out[0].kind, EntityType::Place);
        let t = tokens("rockets rose from Baikonur Cosmodrome again");
        let out = post_rules(
            &t,
            vec![mention(3, 5, EntityType::Organization)],
            gazetteer(),
        );
        assert_eq!(out[0].kind, EntityType::Place);
        // A weak head does not decide: the Secretary of State is no place.
        let t = tokens("she joined Manchester City in May");
        let out = post_rules(
            &t,
            vec![mention(2, 4, EntityType::Organization)],
            gazetteer(),
        );
        assert_eq!(out[0].kind, EntityType::Organization);
        // A first name and a place-head surname said to hold a role is a person; the same name
        // without the role stays a place.
        for (text, start) in [
            ("the club 's chairman , Victor Hill , said so", 5),
            ("health minister Rosa Park resigned", 2),
            ("Rosa Park , the club 's chairman , said so", 0),
        ] {
            let t = tokens(text);
            let out = post_rules(
                &t,
                vec![mention(start, start + 2, EntityType::Place)],
                gazetteer(),
            );
            assert_eq!(out[0].kind, EntityType::Person, "{text}");
        }
        let t = tokens("the rally was held in Victoria Park on Sunday");
        let out = post_rules(&t, vec![mention(5, 7, EntityType::Place)], gazetteer());
        assert_eq!(out[0].kind, EntityType::Place);
    }

    #[test]
    fn a_name_after_a_title_or_before_a_role_apposition_is_a_person() {
        let mut t = tokens("said spokesperson Ana Mendoza-Ruiz on Friday");
        t[3].form = "Mendoza".into();
        let t = {
            let mut v = t[..4].to_vec();
            v[3].space_after = false;
            let mut dash = v[3].clone();
            dash.form = "-".into();
            let mut ruiz = v[3].clone();
            ruiz.form = "Ruiz".into();
            ruiz.space_after = true;
            v.extend([dash, ruiz]);
            v.extend(tokens("on Friday"));
            v
        };
        let out = post_rules(&t, vec![], gazetteer());
        assert_eq!(
            out.iter()
                .map(|m| (m.start, m.end, m.kind))
                .collect::<Vec<_>>(),
            vec![(2, 6, EntityType::Person)]
        );
        // The role comes after the name, in an apposition.
        let t = tokens("said Tomas Varga , Hungary 's Interior Ministry spokesman .");
        let out = post_rules(&t, vec![], gazetteer());
        assert!(out
            .iter()
            .any(|m| (m.start, m.end, m.kind) == (1, 3, EntityType::Person)));
        // ... and overrides a wrong type from the model.
        let out = post_rules(&t, vec![mention(1, 3, EntityType::Place)], gazetteer());
        assert_eq!(out[0].kind, EntityType::Person);
        // A known place in that position stays a place; an organisation name is not retyped.
        let t = tokens("in Oslo , the Norwegian capital and seat of the prime minister .");
        let out = post_rules(&t, vec![mention(1, 2, EntityType::Place)], gazetteer());
        assert_eq!(out[0].kind, EntityType::Place);
        let t = tokens("the official Xinhua News Agency said");
        let out = post_rules(
            &t,
            vec![mention(2, 5, EntityType::Organization)],
            gazetteer(),
        );
        assert_eq!(out[0].kind, EntityType::Organization);
        // No title, no role: nothing is made up.
        let t = tokens("they met Tomas Varga in Pecs .");
        assert!(post_rules(&t, vec![], gazetteer()).is_empty());
    }

    #[test]
    fn a_name_after_an_organisation_noun_is_an_organisation() {
        let t = tokens("the state news agency Xinhua reported on Monday");
        let out = post_rules(&t, vec![], gazetteer());
        assert_eq!(
            out.iter()
                .map(|m| (m.start, m.end, m.kind))
                .collect::<Vec<_>>(),
            vec![(4, 5, EntityType::Organization)]
        );
        let t = tokens("shares of the carmaker Volvo fell");
        let out = post_rules(&t, vec![], gazetteer());
        assert_eq!(out[0].kind, EntityType::Organization);
    }

    #[test]
    fn a_name_called_a_company_in_an_apposition_is_an_organisation() {
        let org = EntityType::Organization;
        let per = EntityType::Person;
        // "Volkswagen invested in Zentrix, the electric truck maker." The model's person, and a
        // name the model left out.
        let text = "Volkswagen/NNP/2/nsubj invested/VBD/0/root in/IN/4/case Zentrix/NNP/2/obl \
                    ,/,/4/punct the/DT/9/det electric/JJ/8/amod truck/NN/9/compound \
                    maker/NN/4/appos ././2/punct";
        let toks = analysed(text);
        let found = |model| -> Vec<(String, EntityType)> {
            named(&toks, model)
                .into_iter()
                .filter(|(name, _)| name != "Volkswagen")
                .collect()
        };
        assert_eq!(
            found(vec![mention(3, 4, per)]),
            vec![("Zentrix".to_string(), org)]
        );
        assert_eq!(found(vec![]), vec![("Zentrix".to_string(), org)]);
        // A firm by any descriptor; not a person described by a role in a company.
        let text = "He/PRP/2/nsubj joined/VBD/0/root Kobalt/NNP/2/obj ,/,/3/punct a/DT/7/det \
                    Finnish/JJ/7/amod startup/NN/3/appos";
        assert!(named(&analysed(text), vec![]).contains(&("Kobalt".to_string(), org)));
        let text = "We/PRP/2/nsubj met/VBD/0/root Ilse/NNP/2/obj Varga/NNP/3/flat ,/,/3/punct \
                    the/DT/10/det company/NN/8/nmod:poss 's/POS/7/case chief/JJ/10/amod \
                    executive/NN/3/appos";
        assert_eq!(
            named(&analysed(text), vec![mention(2, 4, per)]),
            vec![("Ilse Varga".to_string(), per)]
        );
    }
}
