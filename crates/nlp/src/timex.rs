//! Time expressions: finds dates, months, years, weekdays, relative expressions ("two days ago",
//! "last month") and ranges in a sentence's tokens and normalises them TIMEX3-style against the
//! document date, in the manner of HeidelTime's news setting. English only; rule-based; no times of day.
//!
//! Values: `2023-09-13`, `2023-09`, `2023`, `2023-W37` (ISO week), `199` (the 1990s), `2023-SU`
//! (season), `P4Y` (a duration such as "in four years" with no future verb), and ranges as ISO 8601
//! intervals `2023-05/2023-07`, open ones as `2022-01/..` ("since the start of 2022") or
//! `../2024` ("until 2024"). A range is one [`Timex`] spanning both ends and the preposition.
//!
//! Anchoring policy for underspecified expressions (no year, bare weekday, bare month) — the
//! tense is that of the expression's own clause when the sentence is parsed (its verb's
//! auxiliaries and tag; an infinitive's governor: see `clause_tense`), and otherwise that of the
//! nearest tense marker in the sentence (a `VBD` tag or a past-tense auxiliary such as
//! "was"/"said" → past; "will"/"'ll"/"shall"/"going to" → future):
//! - weekday ("on Wednesday"): past → the latest such day on or before the anchor; future → the
//!   first on or after it; no marker → the day of the anchor's Monday–Sunday week.
//!   "last Wednesday" / "next Wednesday" are strictly before / after the anchor.
//! - month without year ("in July") and day–month without year ("Sept. 13"): past → the latest
//!   such month/day on or before the anchor's month/day; future → the first on or after it; no
//!   marker → the anchor's year.
//!
//! Without an anchor, expressions that carry their own year keep their value; everything
//! relative gets `value: None` (the surface text stays available through the tokens).

use crate::doc::{days_in_month, Date, Deprel, Sentence, Timex, Token, Xpos};
use crate::verb_classes::VerbClass;

/// Finds the time expressions of `sentence` and appends them to `sentence.timexes`, normalised
/// against `anchor` (the document date). Reads token forms and, when present, the `xpos` tags
/// (for tense); run it after the tagger for the best weekday/month resolution.
pub fn annotate(sentence: &mut Sentence, anchor: Option<Date>) {
    let found = find(&sentence.tokens, anchor);
    sentence.timexes.extend(found);
}

/// The time expressions of a token sequence, left to right, non-overlapping.
pub fn find(tokens: &[Token], anchor: Option<Date>) -> Vec<Timex> {
    let words: Vec<Word> = tokens.iter().map(Word::new).collect();
    let cx = Context {
        words: &words,
        tokens,
        anchor,
    };
    let mut out: Vec<Timex> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match cx.match_range(i).or_else(|| cx.match_single(i)) {
            Some((end, value)) => {
                out.push(Timex {
                    start: i,
                    end,
                    value,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// A token reduced to what the rules look at.
struct Word<'a> {
    /// Lowercase form without a trailing abbreviation period ("Sept." → "sept").
    lower: String,
    form: &'a str,
    xpos: Xpos,
}

impl<'a> Word<'a> {
    fn new(t: &'a Token) -> Word<'a> {
        let f = t.form.as_str();
        let trimmed = if f.len() > 1 {
            f.strip_suffix('.').unwrap_or(f)
        } else {
            f
        };
        Word {
            lower: trimmed.to_lowercase(),
            form: f,
            xpos: t.xpos,
        }
    }

    fn is(&self, s: &str) -> bool {
        self.lower == s
    }

    fn capitalised(&self) -> bool {
        self.form.chars().next().is_some_and(char::is_uppercase)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tense {
    Past,
    Future,
}

/// A normalised point or period before it is written out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Point {
    Day(Date),
    Month(i32, u8),
    Year(i32),
    Week(i32, u8),
    Decade(i32),
    Season(i32, &'static str),
}

impl Point {
    fn value(self) -> String {
        match self {
            Point::Day(d) => d.to_string(),
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Year(y) => format!("{y:04}"),
            Point::Week(y, w) => format!("{y:04}-W{w:02}"),
            Point::Decade(d) => format!("{d:03}"),
            Point::Season(y, s) => format!("{y:04}-{s}"),
        }
    }
}

/// What one simple expression resolves to: a point, a duration, or nothing (unanchored).
enum Resolved {
    Point(Point),
    Duration(String),
    Unanchored,
}

impl Resolved {
    fn value(self) -> Option<String> {
        match self {
            Resolved::Point(p) => Some(p.value()),
            Resolved::Duration(d) => Some(d),
            Resolved::Unanchored => None,
        }
    }
}

struct Context<'a, 'w> {
    words: &'a [Word<'w>],
    /// The same tokens with their tree, when the sentence is parsed.
    tokens: &'a [Token],
    anchor: Option<Date>,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn month_number(w: &str) -> Option<u8> {
    if let Some(i) = MONTHS.iter().position(|m| *m == w) {
        return Some(i as u8 + 1);
    }
    // Abbreviations; "may" is both and already matched above. "mar"/"jun" are rare words.
    let abbr = [
        "jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if w == "sept" {
        return Some(9);
    }
    abbr.iter()
        .position(|a| !a.is_empty() && *a == w)
        .map(|i| i as u8 + 1)
}

fn weekday_number(w: &str) -> Option<u8> {
    WEEKDAYS.iter().position(|d| *d == w).map(|i| i as u8)
}

/// Whether a lowercase word names a day, month or year of the calendar, alone or with "last",
/// "next" or "this": a month or weekday name (full), "today", "yesterday", "tomorrow", "week",
/// "weekend", "month", "year". (Tree repairs use it to tell a date from a bare number.)
pub(crate) fn is_calendar_word(w: &str) -> bool {
    MONTHS.contains(&w)
        || WEEKDAYS.contains(&w)
        || matches!(
            w,
            "today" | "yesterday" | "tomorrow" | "week" | "weekend" | "month" | "year"
        )
}

/// Small cardinal numbers written as words or digits, as used in "two days ago", "a year ago".
fn small_number(w: &str) -> Option<u32> {
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    if let Some(i) = WORDS.iter().position(|x| *x == w) {
        return Some(i as u32);
    }
    match w {
        "a" | "an" => Some(1),
        "thirty" => Some(30),
        "forty" => Some(40),
        "fifty" => Some(50),
        _ if !w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()) => {
            w.parse().ok()
        }
        _ => None,
    }
}

/// "13", "13th", "1st" → day of month.
fn day_of_month(w: &str) -> Option<u8> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    let d: u8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// A four-digit year in the range news talks about.
fn year_number(w: &str) -> Option<i32> {
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = w.parse().ok()?;
    (1800..=2199).contains(&y).then_some(y)
}

#[derive(Clone, Copy)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

fn unit(w: &str) -> Option<Unit> {
    match w {
        "day" | "days" => Some(Unit::Day),
        "week" | "weeks" => Some(Unit::Week),
        "month" | "months" => Some(Unit::Month),
        "year" | "years" => Some(Unit::Year),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic: days, weekdays and ISO weeks are kg_model's `Date`'s; only month
// arithmetic (which a date does not need) lives here. Every year here has at most four digits and
// every shift at most four, so the model's `i32` day counts cannot overflow.

fn add_months(year: i32, month: u8, n: i32) -> (i32, u8) {
    let total = year * 12 + i32::from(month) - 1 + n;
    (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8)
}

// ---------------------------------------------------------------------------------------------
// Matching

impl Context<'_, '_> {
    fn word(&self, i: usize) -> Option<&Word<'_>> {
        self.words.get(i)
    }

    fn is(&self, i: usize, s: &str) -> bool {
        self.word(i).is_some_and(|w| w.is(s))
    }

    /// The tense the expression at token `i` is read in: its clause's, when the sentence is
    /// parsed ([`clause_tense`]); otherwise the tense of the verb nearest to it, searching
    /// outwards over the whole sentence.
    fn tense_near(&self, i: usize) -> Option<Tense> {
        if let Some(tense) = clause_tense(self.tokens, i) {
            return tense;
        }
        let n = self.words.len();
        for dist in 1..n.max(1) {
            for j in [i.checked_sub(dist), i.checked_add(dist).filter(|&j| j < n)]
                .into_iter()
                .flatten()
            {
                if let Some(t) = self.tense_of(j) {
                    return Some(t);
                }
            }
        }
        None
    }

    fn tense_of(&self, j: usize) -> Option<Tense> {
        let w = &self.words[j];
        match w.lower.as_str() {
            "will" | "'ll" | "shall" | "wo" => return Some(Tense::Future),
            "going" if self.is(j + 1, "to") => return Some(Tense::Future),
            "was" | "were" | "had" | "did" | "said" | "ago" => return Some(Tense::Past),
            "is" | "are" | "am" | "has" | "have" => return None,
            _ => {}
        }
        (w.xpos == Xpos::Vbd).then_some(Tense::Past)
    }

    /// A range "from X to Y", "between X and Y", "since X", "until X", or "2019-2021".
    fn match_range(&self, i: usize) -> Option<(usize, Option<String>)> {
        let w = self.word(i)?;
        let (connector, open_end): (&[&str], bool) = match w.lower.as_str() {
            "from" => (&["to", "until", "till", "through", "-", "–"], false),
            "between" => (&["and"], false),
            "since" => (&[], true),
            "until" | "till" => {
                let (end, r) = self.match_single(i + 1)?;
                if r.as_deref().is_some_and(|v| v.starts_with('P')) {
                    return None;
                }
                return Some((end, r.map(|v| format!("../{v}"))));
            }
            _ => {
                // "2019-2021" or "2019–2021" as one token.
                let (a, b) = w.lower.split_once(['-', '–'])?;
                let (a, b) = (year_number(a)?, year_number(b)?);
                return (a < b).then(|| (i + 1, Some(format!("{a:04}/{b:04}"))));
            }
        };
        let (mid, first) = self.match_single(i + 1)?;
        if open_end {
            return Some((mid, first.map(|v| format!("{v}/.."))));
        }
        if !connector.iter().any(|c| self.is(mid, c)) {
            return None;
        }
        let (end, second) = self.match_single(mid + 1)?;
        let value = match (first, second) {
            (Some(a), Some(b)) if !a.starts_with('P') && !b.starts_with('P') => {
                Some(format!("{a}/{b}"))
            }
            (Some(_), Some(_)) => return None,
            _ => None,
        };
        Some((end, value))
    }

    /// One simple expression starting at `i`: returns its end and value.
    fn match_single(&self, i: usize) -> Option<(usize, Option<String>)> {
        let (end, resolved) = self
            .explicit_date(i)
            .or_else(|| self.relative_word(i))
            .or_else(|| self.shifted_period(i))
            .or_else(|| self.units_ago(i))
            .or_else(|| self.period(i))
            .or_else(|| self.the_weekend(i))
            .or_else(|| self.boundary_of(i))
            .or_else(|| self.weekday(i))
            .or_else(|| self.month_alone(i))
            .or_else(|| self.year_alone(i))
            .or_else(|| self.decade(i))?;
        // "yesterday morning", "on Wednesday night": part of the same expression.
        let end = if self.word(end).is_some_and(|n| {
            matches!(
                n.lower.as_str(),
                "morning" | "afternoon" | "evening" | "night"
            )
        }) && matches!(
            resolved,
            Resolved::Point(Point::Day(_)) | Resolved::Unanchored
        ) {
            end + 1
        } else {
            end
        };
        Some((end, resolved.value()))
    }

    /// "2023-09-13", "9/13/2023", "13 September 2023", "September 13, 2023", "Sept. 13",
    /// "July 2023", "13 September".
    fn explicit_date(&self, i: usize) -> Option<(usize, Resolved)> {
        let w = self.word(i)?;
        if let Some(d) = Date::parse_iso(&w.lower).filter(|_| w.lower.len() == 10) {
            return Some((i + 1, Resolved::Point(Point::Day(d))));
        }
        if let Some(d) = slash_date(&w.lower) {
            return Some((i + 1, Resolved::Point(Point::Day(d))));
        }
        // "the 13th of September"
        let (day_at, month_at) = if let Some(d) = day_of_month(&w.lower) {
            if self.is(i + 1, "of") {
                (Some((i, d)), i + 2)
            } else {
                (Some((i, d)), i + 1)
            }
        } else {
            (None, i)
        };
        let mw = self.word(month_at)?;
        let month = month_number(&mw.lower)?;
        if !mw.capitalised() {
            return None;
        }
        if let Some((_, day)) = day_at {
            // Day Month [Year]
            let mut end = month_at + 1;
            if self.is(end, ",")
                && self
                    .word(end + 1)
                    .and_then(|w| year_number(&w.lower))
                    .is_some()
            {
                end += 1;
            }
            if let Some(y) = self.word(end).and_then(|w| year_number(&w.lower)) {
                return Some((
                    end + 1,
                    Date::new(y, month, day)
                        .map_or(Resolved::Unanchored, |d| Resolved::Point(Point::Day(d))),
                ));
            }
            return Some((month_at + 1, self.day_without_year(i, month, day)));
        }
        // Month Day[,] [Year] / Month Year
        if month == 5
            && !self.month_context(i)
            && self
                .word(i + 1)
                .and_then(|w| day_of_month(&w.lower))
                .is_none()
        {
            // Capitalised "May" at sentence start is usually the modal verb.
            return None;
        }
        if let Some(day) = self.word(i + 1).and_then(|w| day_of_month(&w.lower)) {
            let mut end = i + 2;
            if self.is(end, ",")
                && self
                    .word(end + 1)
                    .and_then(|w| year_number(&w.lower))
                    .is_some()
            {
                end += 1;
            }
            if let Some(y) = self.word(end).and_then(|w| year_number(&w.lower)) {
                return Some((
                    end + 1,
                    Date::new(y, month, day)
                        .map_or(Resolved::Unanchored, |d| Resolved::Point(Point::Day(d))),
                ));
            }
            return Some((i + 2, self.day_without_year(i, month, day)));
        }
        if let Some(y) = self.word(i + 1).and_then(|w| year_number(&w.lower)) {
            return Some((i + 2, Resolved::Point(Point::Month(y, month))));
        }
        None
    }

    /// Whether the word before `i` makes a following "May" a month.
    fn month_context(&self, i: usize) -> bool {
        i > 0
            && matches!(
                self.words[i - 1].lower.as_str(),
                "in" | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "of"
                    | "from"
                    | "to"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
                    | "during"
                    | "before"
                    | "after"
                    | "and"
                    | "between"
                    | "through"
            )
    }

    fn day_without_year(&self, i: usize, month: u8, day: u8) -> Resolved {
        let Some(anchor) = self.anchor else {
            return Resolved::Unanchored;
        };
        let tense = self.tense_near(i);
        let year = pick_year(anchor, (month, day), tense);
        Date::new(year, month, day).map_or(Resolved::Unanchored, |d| Resolved::Point(Point::Day(d)))
    }

    /// "today", "tonight", "yesterday", "tomorrow", "now"-free.
    fn relative_word(&self, i: usize) -> Option<(usize, Resolved)> {
        let offset = match self.word(i)?.lower.as_str() {
            "today" | "tonight" => 0,
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => return None,
        };
        Some((i + 1, self.anchored(|a| Point::Day(a.add_days(offset)))))
    }

    fn anchored(&self, f: impl FnOnce(Date) -> Point) -> Resolved {
        self.anchor
            .map_or(Resolved::Unanchored, |a| Resolved::Point(f(a)))
    }

    /// "last month", "next year", "this week", "earlier this month", "the past year",
    /// "later this year", "last summer".
    fn shifted_period(&self, i: usize) -> Option<(usize, Resolved)> {
        let mut j = i;
        if self.is(j, "earlier") || self.is(j, "later") {
            if !self.is(j + 1, "this") {
                return None;
            }
            j += 1;
        }
        if self.is(j, "the") && (self.is(j + 1, "past") || self.is(j + 1, "coming")) {
            j += 1;
        }
        let shift: i32 = match self.word(j)?.lower.as_str() {
            "last" | "past" | "previous" => -1,
            "next" | "coming" => 1,
            "this" | "current" => 0,
            _ => return None,
        };
        let what = self.word(j + 1)?.lower.as_str();
        let end = j + 2;
        if let Some(season) = season_code(what) {
            return Some((
                end,
                self.anchored(|a| Point::Season(a.year + shift, season)),
            ));
        }
        if let Some(wd) = weekday_number(what) {
            if shift == 0 {
                return None;
            }
            return Some((
                end,
                self.anchored(|a| Point::Day(weekday_strict(a, wd, shift))),
            ));
        }
        let u = unit(what).filter(|_| !what.ends_with('s'))?;
        Some((
            end,
            self.anchored(|a| match u {
                Unit::Day => Point::Day(a.add_days(shift)),
                Unit::Week => {
                    let (y, w) = Date::iso_week(a.add_days(7 * shift));
                    Point::Week(y, w)
                }
                Unit::Month => {
                    let (y, m) = add_months(a.year, a.month, shift);
                    Point::Month(y, m)
                }
                Unit::Year => Point::Year(a.year + shift),
            }),
        ))
    }

    /// "two days ago", "a year ago", "in four years" (future date with a future verb, else the
    /// duration `P4Y` as in "their first summit in four years"), "four years later" is left out.
    fn units_ago(&self, i: usize) -> Option<(usize, Resolved)> {
        let (start, is_in) = if self.is(i, "in") || self.is(i, "within") {
            (i + 1, true)
        } else {
            (i, false)
        };
        let n = small_number(&self.word(start)?.lower)?;
        let u = unit(&self.word(start + 1)?.lower)?;
        let end = start + 2;
        let shift = if is_in {
            if self.tense_near(i) != Some(Tense::Future) {
                let letter = match u {
                    Unit::Day => 'D',
                    Unit::Week => 'W',
                    Unit::Month => 'M',
                    Unit::Year => 'Y',
                };
                return Some((end, Resolved::Duration(format!("P{n}{letter}"))));
            }
            n as i32
        } else if self.is(end, "ago") || self.is(end, "earlier") {
            -(n as i32)
        } else {
            return None;
        };
        let end = if is_in { end } else { end + 1 };
        Some((
            end,
            self.anchored(|a| match u {
                Unit::Day => Point::Day(a.add_days(shift)),
                Unit::Week => Point::Day(a.add_days(7 * shift)),
                Unit::Month => {
                    let (y, m) = add_months(a.year, a.month, shift);
                    Point::Month(y, m)
                }
                Unit::Year => Point::Year(a.year + shift),
            }),
        ))
    }

    /// A stretch of time counted from now or spent on something, as a duration: "the next two
    /// years", "the past three months", "the last decade" → `P2Y`, `P3M`, `P10Y`; "two years"
    /// after "over", "during" or "throughout" ("over two years"). Not after "for" ("jailed for
    /// two years" says how long, not when).
    fn period(&self, i: usize) -> Option<(usize, Resolved)> {
        let letter = |u: Unit| match u {
            Unit::Day => 'D',
            Unit::Week => 'W',
            Unit::Month => 'M',
            Unit::Year => 'Y',
        };
        let counted = |j: usize| -> Option<(usize, Resolved)> {
            let n = small_number(&self.word(j)?.lower).filter(|&n| n > 1)?;
            let w = &self.word(j + 1)?.lower;
            let u = unit(w).filter(|_| w.ends_with('s'))?;
            Some((j + 2, Resolved::Duration(format!("P{n}{}", letter(u)))))
        };
        if self.is(i, "the")
            && self.word(i + 1).is_some_and(|w| {
                matches!(
                    w.lower.as_str(),
                    "next" | "coming" | "past" | "last" | "previous" | "following"
                )
            })
        {
            if self.is(i + 2, "decade") {
                return Some((i + 3, Resolved::Duration("P10Y".into())));
            }
            return counted(i + 2);
        }
        let after = i.checked_sub(1).and_then(|k| self.word(k));
        if after.is_some_and(|w| matches!(w.lower.as_str(), "over" | "during" | "throughout")) {
            return counted(i);
        }
        None
    }

    /// "over the weekend", "at the weekend": the ISO week of the weekend before the anchor in
    /// a past clause (of the anchor's own when it is a Saturday or Sunday), else of the next.
    fn the_weekend(&self, i: usize) -> Option<(usize, Resolved)> {
        if !(self.is(i, "the") && self.is(i + 1, "weekend")) {
            return None;
        }
        let future = self.tense_near(i) == Some(Tense::Future);
        Some((
            i + 2,
            self.anchored(|a| {
                // Weekdays count from Monday (0): Saturday is 5.
                let saturday = if future {
                    weekday_strict(a, 5, 1)
                } else if a.weekday() >= 5 {
                    a.add_days(-i32::from(a.weekday() - 5))
                } else {
                    weekday_strict(a, 5, -1)
                };
                let (y, w) = Date::iso_week(saturday);
                Point::Week(y, w)
            }),
        ))
    }

    /// "the start of 2022" → 2022-01, "the end of last year" → 2022-12, "the beginning of the
    /// month" → that month.
    fn boundary_of(&self, i: usize) -> Option<(usize, Resolved)> {
        let j = if self.is(i, "the") { i + 1 } else { i };
        let first = match self.word(j)?.lower.as_str() {
            "start" | "beginning" => true,
            "end" => false,
            _ => return None,
        };
        if !self.is(j + 1, "of") {
            return None;
        }
        let k = j + 2;
        let (end, inner) =
            if self.is(k, "the") && (self.is(k + 1, "year") || self.is(k + 1, "month")) {
                let p = if self.is(k + 1, "year") {
                    self.anchored(|a| Point::Year(a.year))
                } else {
                    self.anchored(|a| Point::Month(a.year, a.month))
                };
                (k + 2, p)
            } else {
                let (end, r) = self
                    .shifted_period(k)
                    .or_else(|| self.explicit_date(k))
                    .or_else(|| self.month_alone(k))
                    .or_else(|| self.year_alone_unchecked(k))?;
                (end, r)
            };
        let r = match inner {
            Resolved::Point(Point::Year(y)) => {
                Resolved::Point(Point::Month(y, if first { 1 } else { 12 }))
            }
            Resolved::Point(Point::Month(y, m)) => Resolved::Point(Point::Day(Date {
                year: y,
                month: m,
                day: if first { 1 } else { days_in_month(y, m) },
            })),
            Resolved::Unanchored => Resolved::Unanchored,
            _ => return None,
        };
        Some((end, r))
    }

    /// "Wednesday", "on Wednesday" (the preposition is not part of the expression).
    fn weekday(&self, i: usize) -> Option<(usize, Resolved)> {
        let w = self.word(i)?;
        let wd = weekday_number(&w.lower)?;
        if !w.capitalised() {
            return None;
        }
        let Some(anchor) = self.anchor else {
            return Some((i + 1, Resolved::Unanchored));
        };
        let today = anchor.weekday();
        let date = match self.tense_near(i) {
            Some(Tense::Past) => anchor.add_days(-i32::from((today + 7 - wd) % 7)),
            Some(Tense::Future) => anchor.add_days(i32::from((wd + 7 - today) % 7)),
            None => anchor.add_days(i32::from(wd) - i32::from(today)),
        };
        Some((i + 1, Resolved::Point(Point::Day(date))))
    }

    /// A month name on its own: "in July", "since March". Bare "May" needs a preposition before it.
    fn month_alone(&self, i: usize) -> Option<(usize, Resolved)> {
        let w = self.word(i)?;
        let month = month_number(&w.lower)?;
        // Abbreviations alone ("Mar", "Jan") are too often names; require the full month name.
        if !w.capitalised()
            || MONTHS[month as usize - 1] != w.lower
            || (month == 5 && !self.month_context(i))
        {
            return None;
        }
        let Some(anchor) = self.anchor else {
            return Some((i + 1, Resolved::Unanchored));
        };
        let year = match self.tense_near(i) {
            Some(Tense::Past) if month > anchor.month => anchor.year - 1,
            Some(Tense::Future) if month < anchor.month => anchor.year + 1,
            _ => anchor.year,
        };
        Some((i + 1, Resolved::Point(Point::Month(year, month))))
    }

    /// A year on its own, when it is not counting something ("2022 people").
    fn year_alone(&self, i: usize) -> Option<(usize, Resolved)> {
        let next_is_counted = self.word(i + 1).is_some_and(|n| {
            n.xpos.is_common_noun()
                || (!n.xpos.is_set()
                    && n.lower.len() > 3
                    && n.lower.ends_with('s')
                    && n.form.chars().all(|c| c.is_ascii_lowercase()))
        });
        if next_is_counted {
            return None;
        }
        self.year_alone_unchecked(i)
    }

    fn year_alone_unchecked(&self, i: usize) -> Option<(usize, Resolved)> {
        let y = year_number(&self.word(i)?.lower)?;
        Some((i + 1, Resolved::Point(Point::Year(y))))
    }

    /// "the 1990s", "1990s".
    fn decade(&self, i: usize) -> Option<(usize, Resolved)> {
        let w = &self.word(i)?.lower;
        let digits = w.strip_suffix("'s").or_else(|| w.strip_suffix('s'))?;
        let y = year_number(digits)?;
        (y % 10 == 0).then(|| (i + 1, Resolved::Point(Point::Decade(y / 10))))
    }
}

fn season_code(w: &str) -> Option<&'static str> {
    match w {
        "spring" => Some("SP"),
        "summer" => Some("SU"),
        "autumn" | "fall" => Some("FA"),
        "winter" => Some("WI"),
        _ => None,
    }
}

/// The `wd` weekday strictly before (`shift < 0`) or strictly after the anchor.
fn weekday_strict(anchor: Date, wd: u8, shift: i32) -> Date {
    let today = anchor.weekday();
    if shift < 0 {
        let back = (today + 7 - wd) % 7;
        anchor.add_days(-i32::from(if back == 0 { 7 } else { back }))
    } else {
        let fwd = (wd + 7 - today) % 7;
        anchor.add_days(i32::from(if fwd == 0 { 7 } else { fwd }))
    }
}

/// The tense of the clause that token `i` belongs to, read off the dependency tree: `None` when
/// the sentence is not parsed (the caller falls back to the nearest verb), `Some(None)` for a
/// present-tense clause or one the tree does not decide.
///
/// The clause is the first verb above the token (or the predicate a copula or auxiliary hangs
/// on). Its auxiliaries decide first: "will", "shall", "would", "may", "might", "could" (not
/// negated) make it future
/// ("the government would sell bonds before June": June to come, though "said" is past); "was",
/// "had", "did" make it past. Then its own tag: a past-tense verb is past, a past participle with
/// "has"/"have" (present perfect) is past. An infinitive is future under a verb of planning or
/// expecting ("planned to perform it in May") and takes its governor's tense otherwise ("failed
/// to pay in May").
fn clause_tense(tokens: &[Token], i: usize) -> Option<Option<Tense>> {
    if !tokens.get(i)?.deprel.is_set() {
        return None;
    }
    let predicate = |mut j: usize| -> Option<usize> {
        for _ in 0..tokens.len() {
            let t = &tokens[j];
            if t.xpos.is_verb() && !matches!(t.deprel.base(), Deprel::Aux | Deprel::Cop) {
                return Some(j);
            }
            if matches!(t.deprel.base(), Deprel::Aux | Deprel::Cop) {
                j = t.head?;
                continue;
            }
            let has_cop = tokens
                .iter()
                .any(|c| c.head == Some(j) && c.deprel.base() == Deprel::Cop);
            if has_cop {
                return Some(j);
            }
            j = t.head?;
        }
        None
    };
    let mut verb = predicate(tokens[i].head?)?;
    for _ in 0..tokens.len() {
        let aux: Vec<&Token> = tokens
            .iter()
            .filter(|c| {
                c.head == Some(verb) && matches!(c.deprel.base(), Deprel::Aux | Deprel::Cop)
            })
            .collect();
        let aux_is = |words: &[&str]| {
            aux.iter()
                .any(|a| words.contains(&a.form.to_lowercase().as_str()))
        };
        let negated = tokens
            .iter()
            .any(|c| c.head == Some(verb) && c.deprel.base() == Deprel::Advmod && is_not(c));
        // "could" is a past "can" when negated: "could not be reached on Monday".
        if aux_is(&["will", "'ll", "shall", "wo", "would", "'d", "may", "might"])
            || (aux_is(&["could"]) && !negated)
        {
            return Some(Some(Tense::Future));
        }
        if aux_is(&["was", "were", "had", "did"]) {
            return Some(Some(Tense::Past));
        }
        let t = &tokens[verb];
        if t.xpos == Xpos::Vbd || (t.xpos == Xpos::Vbn && aux_is(&["has", "have"])) {
            return Some(Some(Tense::Past));
        }
        let infinitive = t.xpos == Xpos::Vb
            && tokens
                .iter()
                .any(|c| c.head == Some(verb) && c.deprel.base() == Deprel::Mark && c.form == "to");
        if !infinitive || aux.iter().any(|a| a.xpos == Xpos::Md) {
            return Some(None);
        }
        let Some(governor) = t.head.and_then(predicate) else {
            return Some(None);
        };
        if VerbClass::Future.contains(tokens[governor].lemma.as_str()) {
            return Some(Some(Tense::Future));
        }
        verb = governor;
    }
    Some(None)
}

fn is_not(t: &Token) -> bool {
    matches!(t.form.to_lowercase().as_str(), "not" | "n't" | "never")
}

/// The year for a month–day given without one, by the tense policy in the module doc.
fn pick_year(anchor: Date, (month, day): (u8, u8), tense: Option<Tense>) -> i32 {
    let md = (month, day);
    let now = (anchor.month, anchor.day);
    match tense {
        Some(Tense::Past) if md > now => anchor.year - 1,
        Some(Tense::Future) if md < now => anchor.year + 1,
        _ => anchor.year,
    }
}

/// "9/13/2023" (US month/day/year) or "13/9/2023" when the first number cannot be a month.
fn slash_date(w: &str) -> Option<Date> {
    let mut parts = w.split('/');
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || a.len() > 2 || b.len() > 2 {
        return None;
    }
    let (a, b): (u8, u8) = (a.parse().ok()?, b.parse().ok()?);
    let year = year_number(c)?;
    let (month, day) = if a > 12 { (b, a) } else { (a, b) };
    if !(1..=12).contains(&month) {
        return None;
    }
    Date::new(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence in `kg_model::notation`: `said/_/VBD` is a word with its Penn tag.
    fn sentence(text: &str) -> Sentence {
        kg_model::notation::sentence(text)
    }

    /// (surface, value) pairs for `text` anchored at `anchor`.
    fn timexes(text: &str, anchor: Option<&str>) -> Vec<(String, Option<String>)> {
        let mut s = sentence(text);
        annotate(&mut s, anchor.and_then(Date::parse_iso));
        s.timexes
            .iter()
            .map(|t| {
                let surface: Vec<&str> = s.tokens[t.start..t.end]
                    .iter()
                    .map(|t| t.form.as_str())
                    .collect();
                (surface.join(" "), t.value.clone())
            })
            .collect()
    }

    fn one(text: &str, anchor: &str) -> (String, Option<String>) {
        let all = timexes(text, Some(anchor));
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.into_iter().next().unwrap()
    }

    fn val(text: &str, anchor: &str) -> String {
        one(text, anchor)
            .1
            .unwrap_or_else(|| panic!("no value for {text}"))
    }

    #[test]
    fn explicit_dates_in_every_spelling() {
        let a = "2024-05-06";
        assert_eq!(
            val("The deal was signed on 13 September 2023 .", a),
            "2023-09-13"
        );
        assert_eq!(
            val("It opened on September 13 , 2023 in Oslo .", a),
            "2023-09-13"
        );
        assert_eq!(val("Filed 2023-09-13 by the clerk .", a), "2023-09-13");
        // Slashed dates: a form with a slash cannot be written in the notation, so it is set after.
        for form in ["9/13/2023", "13/9/2023"] {
            let mut s = sentence("Filed DATE by the clerk .");
            s.tokens[1].form = form.into();
            annotate(&mut s, Date::parse_iso(a));
            assert_eq!(s.timexes.len(), 1, "{form}");
            assert_eq!(s.timexes[0].value.as_deref(), Some("2023-09-13"), "{form}");
        }
        assert_eq!(val("the 4th of July 2020 parade", a), "2020-07-04");
        assert_eq!(
            one("It started in July 2023 .", a),
            ("July 2023".into(), Some("2023-07".into()))
        );
        assert_eq!(
            one("Prices rose in 2022 .", a),
            ("2022".into(), Some("2022".into()))
        );
    }

    #[test]
    fn day_and_month_without_year_follow_tense() {
        // Anchor 2024-05-06: a past "Sept. 13" is last September, a future one this September.
        assert_eq!(
            val("The ship sailed/_/VBD on Sept. 13 .", "2024-05-06"),
            "2023-09-13"
        );
        assert_eq!(
            val("The ship will sail on Sept. 13 .", "2024-05-06"),
            "2024-09-13"
        );
        assert_eq!(val("The vote is on Sept 13 .", "2024-05-06"), "2024-09-13");
        assert_eq!(
            val("Talks collapsed/_/VBD in July .", "2024-05-06"),
            "2023-07"
        );
        assert_eq!(val("Talks will resume in July .", "2024-05-06"), "2024-07");
        assert_eq!(val("Talks will resume in March .", "2024-05-06"), "2025-03");
        assert_eq!(
            val("Talks collapsed/_/VBD in March .", "2024-05-06"),
            "2024-03"
        );
    }

    #[test]
    fn a_stretch_of_time_is_a_duration_and_the_weekend_a_week() {
        let a = "2024-05-08"; // a Wednesday
        let one = |text: &str| timexes(text, Some(a));
        assert_eq!(
            one("It will open 40 branches over the next two years ."),
            [("the next two years".to_owned(), Some("P2Y".to_owned()))]
        );
        assert_eq!(
            one("Prices rose 5 percent over the past decade ."),
            [("the past decade".to_owned(), Some("P10Y".to_owned()))]
        );
        assert_eq!(
            one("The deal was negotiated over three months ."),
            [("three months".to_owned(), Some("P3M".to_owned()))]
        );
        // How long, said with "for", is no time expression; nor is a count of things.
        assert!(one("He was jailed for two years .").is_empty());
        assert!(one("He bought two houses .").is_empty());
        // The weekend before a Wednesday is in the week before; a future one is this week's.
        assert_eq!(
            val("Talks collapsed/_/VBD over the weekend .", a),
            "2024-W18"
        );
        assert_eq!(val("Talks will resume at the weekend .", a), "2024-W19");
    }

    #[test]
    fn modal_may_is_not_a_month() {
        assert!(timexes("May I ask a question ?", Some("2024-05-06")).is_empty());
        assert!(timexes("Prices may rise .", Some("2024-05-06")).is_empty());
        assert_eq!(val("Prices rose/_/VBD in May .", "2024-06-06"), "2024-05");
    }

    /// The value of the one time expression of a parsed sentence.
    fn parsed_value(tree: &str, anchor: &str) -> Option<String> {
        let mut s = sentence(tree);
        annotate(&mut s, Date::parse_iso(anchor));
        assert_eq!(s.timexes.len(), 1, "{tree}");
        s.timexes[0].value.clone()
    }

    #[test]
    fn a_parsed_sentence_gives_the_tense_of_the_expressions_own_clause() {
        let a = "2024-09-10";
        // Reported future: "said" is nearest, but March is to come.
        let would = "Officials/NOUN/NNS/official/2/nsubj said/VERB/VBD/say/0/root \
             the/DET/DT/the/4/det plant/NOUN/NN/plant/6/nsubj would/AUX/MD/would/6/aux \
             open/VERB/VB/open/2/ccomp in/ADP/IN/in/8/case March/PROPN/NNP/March/6/obl \
             ./PUNCT/././2/punct";
        assert_eq!(parsed_value(would, a).as_deref(), Some("2025-03"));
        // The same words unparsed: the nearest verb, "said", is past.
        let unparsed: Vec<&str> = would
            .split(' ')
            .map(|t| t.split('/').next().unwrap())
            .collect();
        assert_eq!(
            val(&unparsed.join(" ").replace("said", "said/_/VBD"), a),
            "2024-03"
        );
        // An infinitive under a verb of planning is to come; under another verb, its tense.
        let planned = "It/PRON/PRP/it/2/nsubj planned/VERB/VBD/plan/0/root to/PART/TO/to/4/mark \
             open/VERB/VB/open/2/xcomp in/ADP/IN/in/6/case March/PROPN/NNP/March/4/obl";
        assert_eq!(parsed_value(planned, a).as_deref(), Some("2025-03"));
        let failed = planned.replace("planned/VERB/VBD/plan", "failed/VERB/VBD/fail");
        assert_eq!(
            parsed_value(&failed, "2024-02-10").as_deref(),
            Some("2023-03")
        );
        // "could not" is past; "could" alone is not.
        let could_not = "Police/NOUN/NNS/police/5/nsubj:pass could/AUX/MD/could/5/aux \
             not/PART/RB/not/5/advmod be/AUX/VB/be/5/aux:pass reached/VERB/VBN/reach/0/root \
             on/ADP/IN/on/7/case Monday/PROPN/NNP/Monday/5/obl";
        assert_eq!(parsed_value(could_not, a).as_deref(), Some("2024-09-09"));
        let could = "Police/NOUN/NNS/police/4/nsubj:pass could/AUX/MD/could/4/aux \
             be/AUX/VB/be/4/aux:pass reached/VERB/VBN/reach/0/root on/ADP/IN/on/6/case \
             Monday/PROPN/NNP/Monday/4/obl";
        assert_eq!(parsed_value(could, a).as_deref(), Some("2024-09-16"));
    }

    #[test]
    fn weekdays_relative_to_the_document_date() {
        // 2023-09-14 is a Thursday; its week runs Monday 11th to Sunday 17th.
        let a = "2023-09-14";
        assert_eq!(
            val("Leaders met/_/VBD on Wednesday at a launch site .", a),
            "2023-09-13"
        );
        assert_eq!(val("Leaders met/_/VBD on Friday .", a), "2023-09-08");
        assert_eq!(val("Leaders meet on Friday .", a), "2023-09-15");
        assert_eq!(val("Leaders will meet on Tuesday .", a), "2023-09-19");
        assert_eq!(
            val("He said/_/VBD on Thursday that talks ended/_/VBD .", a),
            "2023-09-14"
        );
        assert_eq!(val("They met/_/VBD last Thursday .", a), "2023-09-07");
        assert_eq!(val("They meet next Thursday .", a), "2023-09-21");
        assert_eq!(
            one("Strikes resumed/_/VBD on Monday night .", a),
            ("Monday night".into(), Some("2023-09-11".into()))
        );
    }

    #[test]
    fn relative_days_weeks_months_years() {
        let a = "2023-09-14";
        assert_eq!(val("It rained yesterday .", a), "2023-09-13");
        assert_eq!(val("It rains today .", a), "2023-09-14");
        assert_eq!(val("It will rain tomorrow .", a), "2023-09-15");
        assert_eq!(val("Sales fell/_/VBD last month .", a), "2023-08");
        assert_eq!(val("Sales will fall next month .", a), "2023-10");
        assert_eq!(val("Sales fell/_/VBD last year .", a), "2022");
        assert_eq!(val("Sales fell/_/VBD this week .", a), "2023-W37");
        assert_eq!(val("They met/_/VBD two days ago .", a), "2023-09-12");
        assert_eq!(val("They met/_/VBD a year ago .", a), "2022");
        assert_eq!(val("They met/_/VBD three months ago .", a), "2023-06");
        assert_eq!(
            one("It was announced earlier this month .", a),
            ("earlier this month".into(), Some("2023-09".into()))
        );
        assert_eq!(val("It was hot last summer .", a), "2022-SU");
        assert_eq!(val("Crime peaked in the 1990s .", a), "199");
    }

    #[test]
    fn in_n_years_is_a_duration_unless_future() {
        let a = "2023-09-14";
        assert_eq!(val("their first summit in four years", a), "P4Y");
        assert_eq!(val("The plant will open in two years .", a), "2025");
        assert_eq!(val("The plant will open in three days .", a), "2023-09-17");
    }

    #[test]
    fn ranges_are_one_expression() {
        let a = "2023-09-14";
        assert_eq!(
            one("Fighting raged/_/VBD from May to July .", a),
            ("from May to July".into(), Some("2023-05/2023-07".into()))
        );
        assert_eq!(
            val("Output grew/_/VBD between 2019 and 2021 .", a),
            "2019/2021"
        );
        assert_eq!(val("Output grew/_/VBD in 2019-2021 .", a), "2019/2021");
        assert_eq!(
            one("Prices have doubled since the start of 2022 .", a),
            ("since the start of 2022".into(), Some("2022-01/..".into()))
        );
        assert_eq!(val("The ban holds until 2030 .", a), "../2030");
        assert_eq!(
            val("Prices fell/_/VBD at the end of last year .", a),
            "2022-12"
        );
        // A month alone, too: the last day of the next March.
        assert_eq!(
            one("It will/_/MD cut jobs by the end of March .", a),
            ("the end of March".into(), Some("2024-03-31".into()))
        );
    }

    #[test]
    fn without_a_document_date_relative_ones_have_no_value() {
        assert_eq!(
            timexes("They met/_/VBD on Wednesday .", None),
            vec![("Wednesday".into(), None)]
        );
        assert_eq!(
            timexes("Sales fell/_/VBD last month .", None),
            vec![("last month".into(), None)]
        );
        assert_eq!(
            timexes("It rained yesterday .", None),
            vec![("yesterday".into(), None)]
        );
        // Those with their own year keep it.
        assert_eq!(
            timexes("It opened on 13 September 2023 .", None),
            vec![("13 September 2023".into(), Some("2023-09-13".into()))]
        );
        assert_eq!(
            timexes("It opened in 2022 .", None),
            vec![("2022".into(), Some("2022".into()))]
        );
    }

    #[test]
    fn counts_and_plain_numbers_are_not_years() {
        assert!(timexes("About 2000 people/_/NNS came .", Some("2023-09-14")).is_empty());
        assert!(timexes("About 2000 protesters came .", Some("2023-09-14")).is_empty());
        assert!(timexes("He scored 12 goals in 30 games .", Some("2023-09-14")).is_empty());
    }
}
