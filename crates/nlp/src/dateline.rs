//! Wire datelines: the place, day and agency a story opens with, before its first sentence.
//!
//! Agency copy starts "NAIROBI, May 3 (Reuters) - Kenya's central bank cut …"; read as text, the
//! dateline becomes the subject or an apposition of the first sentence ("NAIROBI cut rates").
//! [`find`] recognises it at the very start of a document, before segmentation, so that its words
//! belong to no sentence and the document keeps it as metadata ([`Dateline`]). The forms, with
//! a hyphen, en or em dash:
//!
//! - `CITY, Month Day (Agency) -`, also `Mon. Day`, `Day Month` and a year after the day;
//! - `CITY (Agency) -`, `CITY, Month Day -`, `CITY -` (capitals only: see below);
//! - `CITY, Country, Month Day (Agency) —`, `CITY, State (Agency) —`, `LONDON/PARIS, …`: the first
//!   place is the dateline's place;
//! - `(Agency) -` alone.
//!
//! The city is written in capitals ("RIO DE JANEIRO", "ST. PETERSBURG") or title case ("Rio de
//! Janeiro"). Limits: an ordinary first sentence may open the same way ("Paris — the French
//! capital — banned …", "Friday, May 3 - we …"), so a title-case city must be a place the
//! gazetteer knows (or have a known country or a state after it) and have a day or an agency,
//! and a city in capitals with a dash alone needs the gazetteer or a country or state after it.
//! A dateline after a headline line, or without its dash, is not found.

use crate::doc::{Dateline, DatelineDate, DatelinePlace};
use crate::gazetteer::{gazetteer, Place};

/// Month names and abbreviations (AP's "Sept.", with or without the period), by number.
const MONTHS: [(&str, u8); 24] = [
    ("January", 1),
    ("February", 2),
    ("March", 3),
    ("April", 4),
    ("May", 5),
    ("June", 6),
    ("July", 7),
    ("August", 8),
    ("September", 9),
    ("October", 10),
    ("November", 11),
    ("December", 12),
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sep", 9),
    ("Sept", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
];

/// Words a title-case place name may have in lower case between capitalised ones ("Rio de
/// Janeiro", "Stratford-upon-Avon" is one word).
const PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "les", "el",
    "al", "es", "of", "upon", "on", "am", "an", "der", "den", "van", "von", "y", "sur", "en",
];

/// The most words a place (or one part of it) has, and an agency.
const MAX_PLACE_WORDS: usize = 5;
const MAX_AGENCY_WORDS: usize = 4;
/// The most parts after the city ("ST. PETERSBURG, Florida, USA").
const MAX_PLACE_PARTS: usize = 2;
const MAX_AGENCY_BYTES: usize = 40;

/// The dateline `text` opens with (after whitespace), if it has one. Offsets are bytes of `text`.
pub fn find(text: &str) -> Option<Dateline> {
    let start = text.len() - text.trim_start_matches(is_space_or_bom).len();
    let mut c = Cursor { text, pos: start };
    if c.peek() == Some('(') {
        let agency = c.agency()?;
        let end = c.dash()?;
        return Some(Dateline {
            start,
            end,
            place: None,
            date: None,
            agency: Some(agency),
        });
    }
    let place = c.place(false)?;
    let g = gazetteer();
    // The country or state after the city: how many, and whether the gazetteer knows one.
    let (mut parts, mut known_part) = (0, false);
    let mut date = None;
    loop {
        if c.eat("/") {
            c.place(false)?;
        } else if c.eat(",") {
            c.eat(" ");
            if let Some(d) = c.date() {
                date = Some(d);
                break;
            }
            // "NAIROBI, Kenya, May 3", "WASHINGTON, D.C.": a country or state after the city.
            let part = c.place(true)?;
            parts += 1;
            known_part |=
                known(text, &part).is_some() || is_state_abbreviation(&text[part.start..part.end]);
            if parts > MAX_PLACE_PARTS {
                return None;
            }
        } else {
            break;
        }
    }
    c.spaces();
    let agency = if c.peek() == Some('(') {
        Some(c.agency()?)
    } else {
        None
    };
    let end = c.dash()?;
    let words: Vec<&str> = text[place.start..place.end].split(' ').collect();
    let known = known(text, &place);
    // A dash alone after capitals: a place the gazetteer knows, and no common word ("SPLIT -"),
    // or a known country or a state after the city ("KWAKWANI, Guyana -", "PONCHATOULA, La. -",
    // not "APPLE, GOOGLE -").
    let bare_place =
        known.is_some() && !(words.len() == 1 && g.is_common_word(&words[0].to_lowercase()));
    // Title case opens ordinary text too ("Friday, May 3 - we", "Harry - are you"): it needs a
    // place the gazetteer knows and a day or an agency.
    let dateline_shaped = if place.capitals {
        date.is_some() || agency.is_some() || bare_place || known_part
    } else {
        (known.is_some() || known_part) && (date.is_some() || agency.is_some())
    };
    if !dateline_shaped {
        return None;
    }
    let name = match known {
        Some(p) => p.name.to_owned(),
        None if place.capitals => title_case(&words),
        None => words.join(" "),
    };
    Some(Dateline {
        start,
        end,
        place: Some(DatelinePlace {
            start: place.start,
            end: place.end,
            name,
            external_id: known.map(|p| p.iri()),
        }),
        date,
        agency,
    })
}

/// The gazetteer's place for these words: in any case when written in capitals, as written else.
fn known(text: &str, place: &PlaceWords) -> Option<&'static Place> {
    let words: Vec<&str> = text[place.start..place.end].split(' ').collect();
    if place.capitals {
        gazetteer().place_folded(&words)
    } else {
        gazetteer().place(&words)
    }
}

/// A state or province as agencies abbreviate it, by its shape: "La.", "Calif.", "N.Y.", "CO".
fn is_state_abbreviation(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let title = word.ends_with('.')
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).all(|c| c.is_lowercase() || c == '.')
        && letters <= 5;
    let initials = word.len() >= 4
        && word
            .split_terminator('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
        && word.ends_with('.');
    let postal = word.len() == 2 && word.chars().all(|c| c.is_ascii_uppercase());
    title || initials || postal
}

fn is_space_or_bom(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// A place name's words, as found by [`Cursor::place`].
struct PlaceWords {
    start: usize,
    end: usize,
    /// Written in capitals ("NAIROBI"), not title case ("Nairobi").
    capitals: bool,
}

/// A position in the text, moved forward by what it reads; a failed read leaves it anywhere
/// (callers give up on the dateline).
struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn eat(&mut self, s: &str) -> bool {
        let found = self.rest().starts_with(s);
        if found {
            self.pos += s.len();
        }
        found
    }

    /// Skips spaces and tabs (not line breaks).
    fn spaces(&mut self) -> usize {
        let n = self.rest().len() - self.rest().trim_start_matches([' ', '\t']).len();
        self.pos += n;
        n
    }

    /// The next word: letters with the periods, apostrophes and hyphens inside names ("ST.",
    /// "N'DJAMENA", "PORT-AU-PRINCE"); `None` unless it has a letter. Does not move.
    fn word(&self) -> Option<&'a str> {
        let rest = self.rest();
        let len = rest
            .find(|c: char| !(c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-')))
            .unwrap_or(rest.len());
        let word = rest[..len].trim_end_matches('-');
        word.chars().any(char::is_alphabetic).then_some(word)
    }

    /// A place name: capitalised words, all in capitals or all in title case (with lower-case
    /// particles inside), separated by single spaces. A `part` after the city (a country, a
    /// state) may be short capitals ("D.C.", "N.Y.").
    fn place(&mut self, part: bool) -> Option<PlaceWords> {
        let start = self.pos;
        let mut end = start;
        let mut words: Vec<&'a str> = Vec::new();
        while let Some(word) = self.word() {
            let first = word.chars().next()?;
            if !(first.is_uppercase() || (!words.is_empty() && PARTICLES.contains(&word))) {
                break;
            }
            words.push(word);
            self.pos += word.len();
            end = self.pos;
            if words.len() > MAX_PLACE_WORDS {
                return None;
            }
            // One space, then the next word (not a bracket, a dash or more space).
            match self.rest().strip_prefix(' ') {
                Some(next) if !next.starts_with([' ', '(']) => self.pos += 1,
                _ => break,
            }
        }
        self.pos = end;
        let last = words.last()?;
        if !last.chars().next()?.is_uppercase() || last.ends_with("'s") || last.ends_with("’s") {
            return None;
        }
        let capitals = words
            .iter()
            .all(|w| w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()));
        let title = words.iter().all(|w| {
            PARTICLES.contains(w)
                || w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().skip(1).any(char::is_lowercase)
                || w.chars().filter(|c| c.is_alphabetic()).count() <= 2
        });
        let letters = |w: &&str| w.chars().filter(|c| c.is_alphabetic()).count();
        // Capitals need a word of three letters at least: "UK - EU talks" has no dateline.
        let ok = if capitals {
            part || words.iter().any(|w| letters(w) > 2)
        } else {
            title
        };
        ok.then_some(PlaceWords {
            start,
            end,
            capitals,
        })
    }

    /// A day: "May 3", "Dec. 17", "Sept 9", "3 May", optionally ", 2024" or " 2024" after it.
    fn date(&mut self) -> Option<DatelineDate> {
        let start = self.pos;
        let date = self.month_day().or_else(|| {
            self.pos = start;
            self.day_month()
        });
        let Some(mut date) = date else {
            self.pos = start;
            return None;
        };
        let before_year = self.pos;
        let _ = self.eat(",");
        self.eat(" ");
        match self.number(4) {
            Some(year) if self.boundary() => date.year = Some(year as i32),
            _ => self.pos = before_year,
        }
        Some(date)
    }

    fn month_day(&mut self) -> Option<DatelineDate> {
        let month = self.month()?;
        self.eat(" ").then_some(())?;
        let day = self.number(2)?;
        self.boundary().then_some(())?;
        valid(month, day)
    }

    fn day_month(&mut self) -> Option<DatelineDate> {
        let day = self.number(2)?;
        self.eat(" ").then_some(())?;
        let month = self.month()?;
        valid(month, day)
    }

    fn month(&mut self) -> Option<u8> {
        let word = self.word()?;
        let name = word.strip_suffix('.').unwrap_or(word);
        let &(_, month) = MONTHS.iter().find(|(m, _)| *m == name)?;
        // "May." is no abbreviation; a full name takes no period.
        if name.len() != word.len() && (name.len() > 4 || name == "May") {
            return None;
        }
        self.pos += word.len();
        Some(month)
    }

    /// A number of at most `digits` ASCII digits.
    fn number(&mut self, digits: usize) -> Option<u32> {
        let rest = self.rest();
        let len = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if len == 0 || len > digits {
            return None;
        }
        let n = rest[..len].parse().ok()?;
        self.pos += len;
        Some(n)
    }

    /// Whether the next character ends a word: no letter or digit follows.
    fn boundary(&self) -> bool {
        !self.peek().is_some_and(char::is_alphanumeric)
    }

    /// "(Reuters)": a short name in brackets, spaces after it skipped.
    fn agency(&mut self) -> Option<String> {
        self.eat("(").then_some(())?;
        let rest = self.rest();
        let len = rest.find([')', '(', '\n', '\r'])?;
        let name = &rest[..len];
        let ok = rest[len..].starts_with(')')
            && (1..=MAX_AGENCY_BYTES).contains(&len)
            && name.chars().next().is_some_and(char::is_alphanumeric)
            && name.chars().any(char::is_alphabetic)
            && name.split_whitespace().count() <= MAX_AGENCY_WORDS;
        if !ok {
            return None;
        }
        self.pos += len + 1;
        self.spaces();
        Some(name.trim().to_owned())
    }

    /// The dash that ends a dateline and the spaces after it: its end, where the story begins.
    /// A hyphen needs a space on one side at least ("NAIROBI - Kenya", not "NAIROBI-based").
    fn dash(&mut self) -> Option<usize> {
        let spaced_before = self.spaces() > 0;
        let hyphen = if self.eat("--") || self.eat("-") {
            true
        } else if self.eat("—") || self.eat("–") {
            false
        } else {
            return None;
        };
        let end = self.pos;
        let spaced_after = self.spaces() > 0;
        if hyphen && !(spaced_before || spaced_after) {
            return None;
        }
        // The story must follow on the same line.
        self.peek()
            .filter(|c| {
                c.is_alphanumeric() || matches!(c, '"' | '“' | '‘' | '\'' | '$' | '£' | '€')
            })
            .map(|_| end)
    }
}

fn valid(month: u8, day: u32) -> Option<DatelineDate> {
    let day = u8::try_from(day).ok()?;
    // 2024 is a leap year: "Feb. 29" is a real day in some year.
    crate::doc::Date::new(2024, month, day)?;
    Some(DatelineDate {
        year: None,
        month,
        day,
    })
}

/// "RIO DE JANEIRO" → "Rio de Janeiro", "PORT-AU-PRINCE" → "Port-Au-Prince".
fn title_case(words: &[&str]) -> String {
    let mut out = String::new();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let lower = word.to_lowercase();
        if i > 0 && PARTICLES.contains(&lower.as_str()) {
            out.push_str(&lower);
            continue;
        }
        let mut capital = true;
        for c in lower.chars() {
            if capital {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
            capital = matches!(c, '-' | ' ');
        }
    }
    out
}

#[cfg(test)]
mod tests;
