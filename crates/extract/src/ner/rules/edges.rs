//! Where a model's mention starts and ends: a possessive ends it, lowercase context words before
//! a name are no part of it, and it never ends inside a hyphenated word.

use super::is_capitalised;
use crate::doc::{Mention, Token};

fn is_possessive(form: &str) -> bool {
    matches!(form, "'s" | "’s" | "'" | "’")
}

/// A lowercase word that can stand before a name without being part of it: not a name
/// particle ("al-Qaeda", "bin Laden", "van Gogh", "de Gaulle").
fn is_context_word(form: &str) -> bool {
    const PARTICLES: [&str; 22] = [
        "al", "el", "bin", "ibn", "abu", "abd", "van", "von", "de", "da", "di", "du", "la", "le",
        "del", "della", "der", "den", "ter", "dos", "das", "mc",
    ];
    form.chars().next().is_some_and(char::is_lowercase) && !PARTICLES.contains(&form)
}

/// A possessive ends the mention: "Russia 's", "North 's state" → "North".
pub(super) fn possessive_ends_the_name(tokens: &[Token], out: &mut [Mention]) {
    for m in out.iter_mut() {
        if let Some(k) = (m.start + 1..m.end).find(|&k| is_possessive(&tokens[k].form)) {
            m.end = k;
        }
    }
}

/// Leading lowercase words before a capitalised name are context, not name ("agency Interfax",
/// "minister Jane Doe"); all-lowercase mentions ("florida") and name particles ("al-Qaeda",
/// "de Gaulle") stay.
pub(super) fn context_words_before_a_name(tokens: &[Token], out: &mut [Mention]) {
    for m in out.iter_mut() {
        while m.end - m.start > 1
            && is_context_word(&tokens[m.start].form)
            && tokens[m.start + 1].form != "-"
            && tokens[m.start + 1..m.end]
                .iter()
                .any(|t| is_capitalised(&t.form))
        {
            m.start += 1;
        }
    }
}

/// A mention never ends inside a hyphenated word ("Soo-yeon" tokenised "Soo", "-", "yeon").
pub(super) fn hyphenated_words_whole(tokens: &[Token], out: &mut [Mention]) {
    for m in out.iter_mut() {
        while m.end + 1 < tokens.len()
            && tokens[m.end].form == "-"
            && !tokens[m.end - 1].space_after
            && !tokens[m.end].space_after
            && tokens[m.end + 1].form.chars().all(char::is_alphabetic)
        {
            m.end += 2;
        }
    }
}
