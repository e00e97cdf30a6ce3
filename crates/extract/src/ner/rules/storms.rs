//! Storms: a name after a storm word is the storm's.

use crate::doc::{EntityType, Mention, Token};

/// Words that name a storm with the name after them.
const STORM_WORDS: [&str; 5] = ["Hurricane", "Typhoon", "Cyclone", "Storm", "Tornado"];

/// A name after a storm word is the storm's, not a person's or a place's: "Hurricane Beryl made
/// landfall" is no person Beryl. The mention takes in the storm word ("Tropical Storm Alberto"
/// too) and is a MISC mention ([`EntityType::Other`]), as CoNLL files events.
pub(super) fn named_storms(tokens: &[Token], out: &mut [Mention]) {
    for m in out.iter_mut() {
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
