//! Role facts: titles and role words before a person's name or in an apposition after it
//! ("North Korean leader Kim Jong Un", "Lim Soo-suk, South Korea's Foreign Ministry spokesperson")
//! are not part of the name; they become statements with relation lemma `"<role> of"` and the
//! organisation or country as object (Kim Jong Un — leader of — North Korea), or relation `be`
//! with the role as a concept when no organisation is named. Each role is remembered on its
//! cluster for the definite descriptions ("the leader"). Roles are read from the words as well
//! as the parse ("the prime minister of Norway, Jonas Berg,").

use super::entities::{lower, text_of, title_word, Entities, Mention};
use crate::doc::{CharOffsets, Document, EntityType, Token, Upos, Xpos};
use crate::gazetteer::gazetteer;
use crate::statement::{Argument, ArgumentKind, Modality, Provenance, Relation, Statement};

/// Titles that are forms of address, not roles.
pub(super) const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "sir",
    "dame",
    "lord",
    "lady",
    "dr",
    "doctor",
    "prof",
    "professor",
    "rev",
    "reverend",
    "father",
    "sister",
    "madam",
    "madame",
];

/// Words that modify a role noun before a name ("Vice Premier", "Foreign Minister").
pub(super) const ROLE_MODIFIERS: &[&str] = &[
    "vice",
    "deputy",
    "acting",
    "interim",
    "senior",
    "top",
    "chief",
    "foreign",
    "defence",
    "defense",
    "finance",
    "interior",
    "cabinet",
    "first",
    "supreme",
    "state",
    "assistant",
    "executive",
    "military",
    "party",
    "official",
    "prime",
];

/// A named organisation or place and its type.
type Named = (String, EntityType);

/// A role phrase's token span `start..end` and the organisation or country it is a role in.
type RoleSpan = (usize, usize, Option<Named>);

/// Role facts from titles before names and appositions after them; remembers each role on its
/// cluster for the definite descriptions.
pub(super) fn role_facts(document: &Document, entities: &mut Entities<'_>) -> Vec<Statement> {
    let g = gazetteer();
    let mut out = Vec::new();
    let mut roles: Vec<(usize, String, Option<Named>)> = Vec::new();
    let mut offsets = document.char_offsets();
    for m in entities.mentions.iter() {
        if m.kind != EntityType::Person {
            continue;
        }
        let sentence = &document.sentences[m.sentence];
        let t = &sentence.tokens;
        let is_role_word = |tok: &Token| {
            let w = title_word(tok);
            (g.is_title(&tok.form) && !HONORIFICS.contains(&w.as_str()))
                || ROLE_MODIFIERS.contains(&w.as_str())
        };
        let in_other_mention = |i: usize| {
            entities
                .in_sentences(m.sentence, m.sentence)
                .iter()
                .any(|o| o.sentence == m.sentence && o.start <= i && i < o.end)
        };
        let mut found: Option<RoleSpan> = None;
        // Before the name: "[North Korean] [leader] Kim Jong Un".
        let mut k = m.start;
        // A title of several words whose last is no title alone: "[chief executive] Ana Ruiz".
        let long_title =
            long_title_ending_at(t, m.start).filter(|&j| !(j..m.start).any(in_other_mention));
        if let Some(j) = long_title {
            k = j;
        }
        while k > 0 && !in_other_mention(k - 1) && (is_role_word(&t[k - 1]) || joins(t, k - 1)) {
            k -= 1;
        }
        if k < m.start && (long_title.is_some() || is_title_end(&t[m.start - 1])) {
            // The organisation may stand before a word that dates the role and is no part of
            // it: "Argentina's new president Javier Milei".
            let mut o = k;
            while o > 0
                && matches!(
                    lower(&t[o - 1]).as_str(),
                    "new" | "newly" | "elected" | "incoming" | "outgoing" | "current"
                )
            {
                o -= 1;
            }
            let org = organisation_before(entities, m.sentence, o);
            found = Some((k, m.start, org));
        } else if let Some(r) = apposition(entities, m) {
            found = Some(r);
        } else if let Some(r) = role_of_before(entities, m, &is_role_word) {
            found = Some(r);
        }
        let Some((rs, re, org)) = found else {
            continue;
        };
        let role = role_text(&t[rs..re]);
        if role.is_empty() || t[rs..re].iter().any(|x| lower(x) == "former") {
            continue;
        }
        // A role relative to another person is none in an organisation: "her Chinese
        // counterpart Wang Yi" is China's foreign minister, not its counterpart.
        if matches!(
            role.rsplit(' ').next(),
            Some("counterpart" | "successor" | "predecessor")
        ) {
            continue;
        }
        let person = entities.clusters[m.cluster].name.clone();
        roles.push((m.cluster, role.clone(), org.clone()));
        let provenance = provenance(document, m.sentence, &mut offsets);
        let subject = Argument {
            text: person,
            full_text: text_of(document, &t[m.start..m.end]),
            kind: ArgumentKind::Entity(EntityType::Person),
            span: (m.start, m.end),
            alias: None,
        };
        let role_span = (rs, re);
        let (relation, object) = match org {
            Some((name, kind)) => (
                format!("{role} of"),
                Argument {
                    text: name.clone(),
                    full_text: name,
                    kind: ArgumentKind::Entity(kind),
                    span: role_span,
                    alias: None,
                },
            ),
            None => (
                "be".to_owned(),
                Argument {
                    text: role.clone(),
                    full_text: text_of(document, &t[rs..re]),
                    kind: ArgumentKind::Concept,
                    span: role_span,
                    alias: None,
                },
            ),
        };
        out.push(Statement {
            subject,
            relation: Relation {
                text: relation.clone(),
                lemma: relation,
            },
            object: Some(object),
            qualifiers: Vec::new(),
            negated: false,
            modality: Modality::Asserted,
            attribution: None,
            confidence: 0.75,
            provenance,
        });
    }
    for (c, role, org) in roles {
        entities.clusters[c].roles.push((role, org.map(|o| o.0)));
    }
    out
}

/// A hyphen inside a role ("Vice-Premier").
fn joins(t: &[Token], i: usize) -> bool {
    t[i].form == "-" && i > 0 && !t[i - 1].space_after
}

fn is_title_end(t: &Token) -> bool {
    let w = title_word(t);
    gazetteer().is_title(&t.form) && !HONORIFICS.contains(&w.as_str())
}

fn role_text(tokens: &[Token]) -> String {
    tokens
        .iter()
        .filter(|t| t.form != "-")
        .map(title_word)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The organisation or country named right before a role (possibly with a possessive):
/// "North Korean [leader]", "South Korea's [spokesperson]".
fn organisation_before(
    entities: &Entities<'_>,
    si: usize,
    at: usize,
) -> Option<(String, EntityType)> {
    let t = &entities.document.sentences[si].tokens;
    let mut end = at;
    if end > 0 && t[end - 1].xpos == Xpos::Pos {
        end -= 1;
    }
    entities
        .in_sentences(si, si)
        .iter()
        .find(|m| m.sentence == si && m.end == end && m.kind != EntityType::Person)
        .map(|m| {
            let cl = &entities.clusters[m.cluster];
            (cl.name.clone(), cl.kind())
        })
}

/// Where a gazetteer title of several words that ends right before `end` starts ("chief
/// executive", whose last word is no title alone).
fn long_title_ending_at(t: &[Token], end: usize) -> Option<usize> {
    let g = gazetteer();
    (end.saturating_sub(4)..end.saturating_sub(1)).find(|&j| g.title_at(t, j) == Some(end))
}

/// "the prime minister of Norway, Jonas Berg,": a role of a named organisation or place set off
/// before the name; the name must close the apposition (a comma, a full stop or a closing
/// bracket after it).
fn role_of_before(
    entities: &Entities<'_>,
    m: &Mention,
    is_role_word: &dyn Fn(&Token) -> bool,
) -> Option<RoleSpan> {
    let t = &entities.document.sentences[m.sentence].tokens;
    if m.start < 4 || t[m.start - 1].form != "," {
        return None;
    }
    if !matches!(
        t.get(m.end).map(|x| x.form.as_str()),
        Some("," | "." | ")") | None
    ) {
        return None;
    }
    let org = entities.mentions.iter().find(|o| {
        o.sentence == m.sentence && o.end == m.start - 1 && o.kind != EntityType::Person
    })?;
    if org.start < 2 || lower(&t[org.start - 1]) != "of" {
        return None;
    }
    let re = org.start - 1;
    // (A title of several words may end in a word that is none alone: "chief executive".)
    let long_title = long_title_ending_at(t, re);
    let mut rs = long_title.unwrap_or(re);
    while rs > 0 && (is_role_word(&t[rs - 1]) || joins(t, rs - 1)) {
        rs -= 1;
    }
    if rs == re || (long_title.is_none() && !is_title_end(&t[re - 1])) {
        return None;
    }
    let cl = &entities.clusters[org.cluster];
    Some((rs, re, Some((cl.name.clone(), cl.kind()))))
}

/// "Lim Soo-suk, South Korea's Foreign Ministry spokesperson": the role's tokens and the
/// organisation (the last organisation in the phrase, else its country).
fn apposition(entities: &Entities<'_>, m: &Mention) -> Option<RoleSpan> {
    let t = &entities.document.sentences[m.sentence].tokens;
    if t.get(m.end)?.form != "," {
        return None;
    }
    let start = m.end + 1;
    let mut end = start;
    while end < t.len() && !matches!(t[end].form.as_str(), "," | "." | ";" | ")" | ":") {
        if matches!(t[end].upos, Upos::Verb | Upos::Aux) || end - start > 10 {
            return None;
        }
        end += 1;
    }
    if end == start || !is_title_end(&t[end - 1]) {
        return None;
    }
    let mut rs = end - 1;
    let g = gazetteer();
    while rs > start && {
        let w = title_word(&t[rs - 1]);
        (g.is_title(&t[rs - 1].form) || ROLE_MODIFIERS.contains(&w.as_str()))
            && !entities
                .in_sentences(m.sentence, m.sentence)
                .iter()
                .any(|o| o.sentence == m.sentence && o.start < rs && rs - 1 < o.end)
    } {
        rs -= 1;
    }
    let inside: Vec<&Mention> = entities
        .in_sentences(m.sentence, m.sentence)
        .iter()
        .filter(|o| o.sentence == m.sentence && o.start >= start && o.end <= rs)
        .collect();
    let org = inside
        .iter()
        .rev()
        .find(|o| o.kind == EntityType::Organization)
        .or_else(|| inside.iter().rev().find(|o| o.kind == EntityType::Place))
        .map(|o| {
            let cl = &entities.clusters[o.cluster];
            (cl.name.clone(), cl.kind())
        });
    // Only the organisation (a recognised name, or a run of capitalised words the recogniser
    // missed: "Finance Ministry"), determiners and possessives may precede the role.
    let mut i = start;
    let mut unrecognised: Option<(usize, usize)> = None;
    while i < rs {
        if let Some(o) = inside.iter().find(|o| o.start == i) {
            i = o.end;
        } else if matches!(t[i].upos, Upos::Det) || t[i].xpos == Xpos::Pos {
            i += 1;
        } else if t[i].form.chars().next().is_some_and(char::is_uppercase)
            && matches!(t[i].upos, Upos::Propn | Upos::Noun | Upos::Adj)
        {
            let run = unrecognised.get_or_insert((i, i));
            if run.1 == i {
                run.1 = i + 1;
            } else {
                *run = (i, i + 1);
            }
            i += 1;
        } else {
            return None;
        }
    }
    let org = match (unrecognised, org) {
        (Some((a, b)), org) if b == rs || org.is_none() => Some((
            text_of(entities.document, &t[a..b]),
            EntityType::Organization,
        )),
        (_, org) => org,
    };
    Some((rs, end, org))
}

fn provenance(document: &Document, index: usize, offsets: &mut CharOffsets<'_>) -> Provenance {
    let s = &document.sentences[index];
    Provenance {
        document_id: document.id.clone(),
        sentence_index: index,
        sentence_start: offsets.at(s.start),
        sentence_end: offsets.at(s.end),
        sentence_text: document.text[s.start..s.end].to_owned(),
    }
}
