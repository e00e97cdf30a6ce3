//! Names spelled out before a parenthetical acronym ("the East African Community (EAC)", "the
//! Debt Management Office (DMO)"): the writer says there that the capitalised words before the
//! bracket are one name, the acronym's expansion. The model (learnt from web text) misses most
//! of these names or cuts them up; the coreference joins the acronym's later uses to the name
//! this rule marks.

use super::is_capitalised;
use crate::doc::{EntityType, Mention, Token};
use crate::gazetteer::Gazetteer;
use crate::names;
use crate::ner::labels::mention;

/// Lowercase words that may stand inside a spelled-out name without giving a letter ("Court of
/// Arbitration for Sport", "Harbour and Maritime Workers Union").
const CONNECTORS: [&str; 9] = ["of", "for", "and", "the", "on", "in", "de", "del", "la"];

/// The capitalised words right before `( ACRONYM )` whose initials are the acronym's letters —
/// in order, or, for a name translated from a language that orders its words otherwise, the
/// same letters in another order ("National Jury of Elections (JNE)", for Jurado Nacional de
/// Elecciones) — are one mention, of the type the model or the gazetteer gives the whole name,
/// else an organisation; the acronym gets the same type. Mentions inside the name give way.
pub(super) fn names_spelled_out_by_an_acronym(
    tokens: &[Token],
    out: &mut Vec<Mention>,
    g: &Gazetteer,
) {
    for open in 1..tokens.len().saturating_sub(2) {
        let acronym = &tokens[open + 1].form;
        if tokens[open].form != "(" || tokens[open + 2].form != ")" || !names::is_acronym(acronym) {
            continue;
        }
        let letters: Vec<char> = names::acronym_key(acronym).chars().collect();
        if letters.iter().any(|c| !c.is_alphabetic()) {
            continue;
        }
        let Some(start) = expansion_start(tokens, open, &letters) else {
            continue;
        };
        let words: Vec<&str> = tokens[start..open]
            .iter()
            .map(|t| t.form.as_str())
            .collect();
        let kind = out
            .iter()
            .find(|m| m.start == start && m.end == open)
            .map(|m| m.kind)
            .or_else(|| g.place(&words).map(|_| EntityType::Place))
            .unwrap_or(EntityType::Organization);
        if kind == EntityType::Person {
            continue;
        }
        out.retain(|m| {
            let inside = m.start < open && start < m.end;
            let the_acronym = m.start == open + 1 && m.end == open + 2;
            !inside && !the_acronym
        });
        out.push(mention(start, open, kind));
        out.push(mention(open + 1, open + 2, kind));
    }
}

/// Where the name before the bracket at `open` starts: the capitalised word from which the
/// initials of the capitalised words up to the bracket are `letters`; connector words may stand
/// between them, never first.
fn expansion_start(tokens: &[Token], open: usize, letters: &[char]) -> Option<usize> {
    let mut initials: Vec<char> = Vec::new();
    let mut j = open;
    while j > 0 && initials.len() < letters.len() {
        j -= 1;
        let form = tokens[j].form.as_str();
        if is_capitalised(form) {
            initials.insert(0, form.chars().next()?.to_lowercase().next()?);
        } else if !(CONNECTORS.contains(&form) && j + 1 < open) {
            return None;
        }
    }
    if initials.len() != letters.len() || !is_capitalised(&tokens[j].form) {
        return None;
    }
    // "The World Health Organization (WHO)": the initials already match without "The".
    let in_order = initials == letters;
    let mut sorted = (initials.clone(), letters.to_vec());
    sorted.0.sort_unstable();
    sorted.1.sort_unstable();
    let reordered = letters.len() >= 3 && sorted.0 == sorted.1;
    (in_order || reordered).then_some(j)
}

#[cfg(test)]
mod tests {
    use crate::ner::rules::notation::*;

    #[test]
    fn a_parenthetical_acronym_spells_out_the_name_before_it() {
        let t = tokens("rights , the East African Community ( EAC ) said");
        assert_eq!(
            named(&t, vec![mention(7, 8, EntityType::Organization)]),
            [
                (
                    "East African Community".to_string(),
                    EntityType::Organization
                ),
                ("EAC".to_string(), EntityType::Organization)
            ]
        );
        // Connectors inside; the model's piece of the name gives way; "The" is no initial.
        let t = tokens("The Court of Arbitration for Sport ( CAS ) ruled");
        assert_eq!(
            named(&t, vec![mention(3, 4, EntityType::Place)])[0],
            (
                "Court of Arbitration for Sport".to_string(),
                EntityType::Organization
            )
        );
        // A translated name's letters in another order.
        let t = tokens("according to the National Jury of Elections ( JNE )");
        assert_eq!(
            named(&t, vec![])[0].0,
            "National Jury of Elections".to_string()
        );
        // Initials that do not fit, and lowercase words, are no expansion.
        let t = tokens("the new Debt Office ( DMO ) said");
        assert!(named(&t, vec![]).is_empty());
        let t = tokens("a deal with the fund ( IMF ) today");
        assert!(named(&t, vec![]).is_empty());
    }
}
