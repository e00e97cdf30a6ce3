//! Storms: a name after a storm word is the storm's.

use crate::doc::{EntityType, Mention, Token};

/// Words that name a storm with the name after them.
const STORM_WORDS: [&str; 5] = ["Hurricane", "Typhoon", "Cyclone", "Storm", "Tornado"];

/// A name after a storm word is the storm's, not a person's or a place's: "Hurricane Beryl made
/// landfall" is no person Beryl. The mention takes in the storm word ("Tropical Storm Alberto"
/// too) and is a MISC mention ([`EntityType::Other`]), as CoNLL files events.
pub(super) fn named_storms(tokens: &[Token], out: &mut [Mention]) {
    for m in out.iter_mut() {
        // (Or the recogniser took the storm word in, as a title: "Typhoon Dalisay" a person.)
        let within = m.end - m.start >= 2 && STORM_WORDS.contains(&tokens[m.start].form.as_str());
        if within {
            m.kind = EntityType::Other;
            m.refers_to = None;
            m.external_id = None;
            continue;
        }
        if m.start == 0 || !STORM_WORDS.contains(&tokens[m.start - 1].form.as_str()) {
            continue;
        }
        m.start -= 1;
        if m.start > 0 && tokens[m.start - 1].form == "Tropical" {
            m.start -= 1;
        }
        m.kind = EntityType::Other;
        m.refers_to = None;
        m.external_id = None;
    }
}

#[cfg(test)]
mod tests {
    use crate::ner::rules::notation::*;

    #[test]
    fn a_name_after_a_storm_word_is_the_storms() {
        for (text, start) in [
            ("Hurricane Beryl made landfall", 0),
            ("as Tropical Storm Alberto neared", 1),
        ] {
            let t = tokens(text);
            let name = t
                .iter()
                .position(|x| x.form == "Beryl" || x.form == "Alberto")
                .unwrap();
            let out = post_rules(
                &t,
                vec![mention(name, name + 1, EntityType::Person)],
                gazetteer(),
            );
            assert_eq!(
                out.iter()
                    .map(|m| (m.start, m.end, m.kind))
                    .collect::<Vec<_>>(),
                vec![(start, name + 1, EntityType::Other)],
                "{text}"
            );
        }
        // A storm word inside a name of something else is left alone: no storm word before.
        let t = tokens("Beryl Smith made landfall");
        let out = post_rules(&t, vec![mention(0, 2, EntityType::Person)], gazetteer());
        assert_eq!(out[0].kind, EntityType::Person);
        // The storm word taken into the name as a title.
        let t = tokens("Typhoon Dalisay killed 23 people");
        let out = post_rules(&t, vec![mention(0, 2, EntityType::Person)], gazetteer());
        assert_eq!(
            out.iter()
                .map(|m| (m.start, m.end, m.kind))
                .collect::<Vec<_>>(),
            vec![(0, 2, EntityType::Other)]
        );
    }
}
