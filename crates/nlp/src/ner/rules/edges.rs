//! Where a model's mention starts and ends: a possessive ends it, lowercase context words before
//! a name are no part of it, it never ends inside a hyphenated word, and "X-based" names a
//! place X.

use super::is_capitalised;
use crate::doc::{EntityType, Mention, Token};
use crate::gazetteer::Gazetteer;

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

/// A nickname in quotes inside a person's name, and a name joined by a slash, are one name:
/// "J.E. `` Buster '' Brown" (found as "Buster" and "Brown"), "Interstate / Johnson Lane Inc."
/// (found as "Johnson Lane Inc."). The words before the quote or slash must be capitalised and
/// no title ("State Senator" stays a title).
pub(super) fn quoted_nicknames_and_slashes_join_a_name(
    tokens: &[Token],
    out: &mut Vec<Mention>,
    g: &Gazetteer,
) {
    let name_word = |i: usize| is_capitalised(&tokens[i].form) && !g.is_title(&tokens[i].form);
    let opening = |f: &str| matches!(f, "``" | "“" | "\"" | "‘");
    let closing = |f: &str| matches!(f, "''" | "”" | "\"" | "’");
    let mut k = 0;
    while k < out.len() {
        let m = out[k].clone();
        // "X `` Nick '' Surname": the mention is the surname, the nickname and X before it.
        if m.kind == EntityType::Person && m.start >= 4 && closing(&tokens[m.start - 1].form) {
            let close = m.start - 1;
            if let Some(open) = (close.saturating_sub(4)..close)
                .rev()
                .find(|&i| opening(&tokens[i].form))
            {
                let nick = (open + 1..close).all(name_word) && open + 1 < close;
                let mut start = open;
                while start > 0 && name_word(start - 1) {
                    start -= 1;
                }
                if nick && start < open {
                    out.retain(|o| !(o.start >= start && o.end <= close));
                    if let Some(mm) = out
                        .iter_mut()
                        .find(|o| o.start == m.start && o.end == m.end)
                    {
                        mm.start = start;
                    }
                    k = 0;
                    continue;
                }
            }
        }
        // "Interstate / Johnson Lane Inc.".
        if m.kind == EntityType::Organization
            && m.start >= 2
            && tokens[m.start - 1].form == "/"
            && name_word(m.start - 2)
            && !out
                .iter()
                .any(|o| o.start < m.start - 1 && m.start - 2 < o.end)
        {
            out[k].start = m.start - 2;
        }
        k += 1;
    }
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

/// A lowercase participle after a hyphen ("Panama-flagged", "Kremlin-backed", "Paris-born")
/// makes the word a modifier: the name is the part before the hyphen.
fn is_participle_suffix(form: &str) -> bool {
    // "-based" and "-headquartered" make the word a place: `place_before_based`.
    form.chars().all(|c| c.is_ascii_lowercase())
        && !PLACE_PARTICIPLES.contains(&form)
        && (form.len() > 3 && form.ends_with("ed")
            || matches!(form, "born" | "made" | "run" | "built" | "grown"))
}

/// A mention never ends inside a hyphenated word ("Soo-yeon" tokenised "Soo", "-", "yeon"),
/// nor takes in a participle joined to the name by a hyphen ("the Panama-flagged tanker":
/// Panama).
pub(super) fn hyphenated_words_whole(tokens: &[Token], out: &mut [Mention]) {
    for m in out.iter_mut() {
        if m.end - m.start >= 3
            && tokens[m.end - 2].form == "-"
            && !tokens[m.end - 3].space_after
            && !tokens[m.end - 2].space_after
            && is_participle_suffix(&tokens[m.end - 1].form)
        {
            m.end -= 2;
            continue;
        }
        while m.end + 1 < tokens.len()
            && tokens[m.end].form == "-"
            && !tokens[m.end - 1].space_after
            && !tokens[m.end].space_after
            && tokens[m.end + 1].form.chars().all(char::is_alphabetic)
            && !is_participle_suffix(&tokens[m.end + 1].form)
        {
            m.end += 2;
        }
    }
}

/// A month or weekday alone is a date, never a name ("since early March", "in September"):
/// the recogniser sometimes calls it a person or organisation. "May" only after a word that makes
/// it a month ("in May"), since it is a name too.
pub(super) fn calendar_words_are_no_names(tokens: &[Token], out: &mut Vec<Mention>) {
    out.retain(|m| {
        let calendar = (m.start..m.end).all(|i| {
            let form = &tokens[i].form;
            let lower = form.to_lowercase();
            is_capitalised(form)
                && crate::timex::is_calendar_word(&lower)
                && !matches!(
                    lower.as_str(),
                    "today" | "week" | "weekend" | "month" | "year"
                )
                && (lower != "may"
                    || i.checked_sub(1).is_some_and(|p| {
                        matches!(
                            tokens[p].form.to_lowercase().as_str(),
                            "in" | "since" | "until" | "by" | "early" | "late" | "mid" | "before"
                        )
                    }))
        });
        !calendar
    });
}

/// Participles after a hyphen that make the word before it a place: "the Nagoya-based
/// company" is based in Nagoya.
pub(super) const PLACE_PARTICIPLES: [&str; 2] = ["based", "headquartered"];

/// "Nagoya-based", "Hong Kong-based": the name before the hyphen is a place, and the participle
/// no part of any name (a mention that runs on, "Hanoi-based Institute of Tropical Ecology", is
/// two: the place, and the name after it with the model's type).
pub(super) fn place_before_based(tokens: &[Token], out: &mut Vec<Mention>) {
    let mut added = Vec::new();
    for m in out.iter_mut() {
        let Some(k) = (m.start + 1..m.end.saturating_sub(1)).find(|&k| {
            tokens[k].form == "-"
                && !tokens[k - 1].space_after
                && !tokens[k].space_after
                && PLACE_PARTICIPLES.contains(&tokens[k + 1].form.as_str())
        }) else {
            continue;
        };
        let rest = k + 2;
        if rest < m.end && is_capitalised(&tokens[rest].form) {
            added.push(Mention {
                start: rest,
                refers_to: None,
                external_id: None,
                ..m.clone()
            });
        }
        m.end = k;
        m.kind = EntityType::Place;
        m.refers_to = None;
        m.external_id = None;
    }
    out.extend(added);
}

#[cfg(test)]
mod tests {
    use crate::ner::rules::notation::*;

    #[test]
    fn possessive_is_never_part_of_a_mention() {
        let t = tokens("Norway 's fjords");
        let out = post_rules(&t, vec![mention(0, 2, EntityType::Place)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (0, 1));
        assert_eq!(
            out[0].external_id.as_deref(),
            Some("https://sws.geonames.org/3144096/")
        );
        let t = tokens("the North 's state media");
        let out = post_rules(&t, vec![mention(1, 4, EntityType::Place)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (1, 2));
    }

    #[test]
    fn leading_lowercase_context_words_are_dropped() {
        let t = tokens("the news agency Interfax said");
        let out = post_rules(
            &t,
            vec![mention(2, 4, EntityType::Organization)],
            gazetteer(),
        );
        assert_eq!((out[0].start, out[0].end), (3, 4));
        // Name particles stay.
        let t = tokens("leader of al Qaeda");
        let out = post_rules(
            &t,
            vec![mention(2, 4, EntityType::Organization)],
            gazetteer(),
        );
        assert_eq!((out[0].start, out[0].end), (2, 4));
        // An all-lowercase mention is left alone.
        let t = tokens("i moved to new jersey");
        let out = post_rules(&t, vec![mention(3, 5, EntityType::Place)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (3, 5));
    }

    #[test]
    fn hyphenated_words_are_not_cut() {
        let mut t = tokens("said Park Soo - yeon today");
        for k in [2, 3] {
            t[k].space_after = false;
        }
        let out = post_rules(&t, vec![mention(1, 3, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (1, 5));
        // Spaced dashes separate.
        let t = tokens("said Park Soo - yeon today");
        let out = post_rules(&t, vec![mention(1, 3, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (1, 3));
    }

    #[test]
    fn a_month_alone_is_no_name() {
        let t = tokens("killed 46 people since early March , the minister said");
        assert!(named(&t, vec![mention(5, 6, EntityType::Person)]).is_empty());
        // "May" is a name unless a word makes it a month.
        let t = tokens("May said on Monday");
        assert_eq!(named(&t, vec![mention(0, 1, EntityType::Person)]).len(), 1);
        let t = tokens("elections in May");
        assert!(named(&t, vec![mention(2, 3, EntityType::Person)]).is_empty());
    }

    #[test]
    fn a_participle_after_a_hyphen_is_no_part_of_the_name() {
        let mut t = tokens("the Panama - flagged tanker");
        for k in [1, 2] {
            t[k].space_after = false;
        }
        assert_eq!(
            named(&t, vec![mention(1, 4, EntityType::Place)]),
            [("Panama".to_string(), EntityType::Place)]
        );
        assert_eq!(
            named(&t, vec![mention(1, 2, EntityType::Place)]),
            [("Panama".to_string(), EntityType::Place)]
        );
    }

    #[test]
    fn the_word_before_based_is_a_place() {
        let mut t = tokens("the Nagoya - based company");
        for k in [1, 2] {
            t[k].space_after = false;
        }
        assert_eq!(
            named(&t, vec![mention(1, 2, EntityType::Person)]),
            [("Nagoya".to_string(), EntityType::Place)]
        );
        let mut t = tokens("the Hanoi - based Institute of Tropical Ecology");
        for k in [1, 2] {
            t[k].space_after = false;
        }
        let found = named(&t, vec![mention(1, 8, EntityType::Organization)]);
        assert!(found.contains(&("Hanoi".to_string(), EntityType::Place)));
        assert!(found.contains(&(
            "Institute of Tropical Ecology".to_string(),
            EntityType::Organization
        )));
    }

    #[test]
    fn a_quoted_nickname_and_a_slash_stay_inside_a_name() {
        let t = tokens("State Senator J.E. `` Buster '' Brown introduced the bill");
        let out = post_rules(
            &t,
            vec![
                mention(4, 5, EntityType::Person),
                mention(6, 7, EntityType::Person),
            ],
            gazetteer(),
        );
        let spans: Vec<(usize, usize)> = out.iter().map(|m| (m.start, m.end)).collect();
        assert_eq!(spans, [(2, 7)]);
        let t = tokens("Interstate / Johnson Lane Inc. adds 70 people");
        let out = post_rules(
            &t,
            vec![mention(2, 5, EntityType::Organization)],
            gazetteer(),
        );
        assert_eq!((out[0].start, out[0].end), (0, 5));
    }
}
