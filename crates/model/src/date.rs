//! The one calendar date of kg: a document's publication date, a time expression's day, a day of
//! the graph's exports. Dates are days of the proleptic Gregorian calendar, read and written as
//! ISO 8601 `YYYY-MM-DD`; [`Date::parse_iso`] is the only parser, and the graph's day arithmetic
//! (the next day, days since 1970-01-01) lives here with it.

use serde::{Deserialize, Serialize};

/// A calendar date. Ordered chronologically; displayed as `YYYY-MM-DD`.
///
/// The fields are public so that a time expression can build a date from its parts; a date built
/// by hand is only as valid as its parts ([`days_in_month`] says how many days a month has).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses an ISO 8601 calendar date. Accepted, after surrounding whitespace is trimmed:
    ///
    /// - `YYYY-MM-DD`: exactly four, two and two ASCII digits (no sign, no other widths), a real
    ///   day of the proleptic Gregorian calendar (`2023-02-29` is rejected, `2024-02-29` is not);
    /// - the same followed by `T` or a space and anything after it, which is not read: the time
    ///   of day and zone of a timestamp such as `2023-09-13T12:00:00Z` or `2023-09-13 12:00 UTC`
    ///   (dumps date their articles to the second; kg keeps the day).
    ///
    /// Anything else is `None`: `20230913`, `2023-9-13`, `13/09/2023`, `+2023-09-13`, a day
    /// with a zone but no time (`2023-09-13Z`).
    pub fn parse_iso(text: &str) -> Option<Date> {
        let text = text.trim();
        let head = text.get(..10)?;
        let rest = &text[10..];
        if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
            return None;
        }
        let b = head.as_bytes();
        if b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        // Digits only: `str::parse` would also take a sign ("+9").
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let s = &head[r];
            s.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| s.parse().ok())?
        };
        let year = i32::try_from(digits(0..4)?).ok()?;
        let month = u8::try_from(digits(5..7)?).ok()?;
        let day = u8::try_from(digits(8..10)?).ok()?;
        Date::new(year, month, day)
    }

    /// The date `year-month-day`, if it is a real day (month 1–12, day within the month).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day))
            .then_some(Date { year, month, day })
    }

    /// The date `days` days after 1970-01-01 (before it, when negative).
    pub fn from_days_since_epoch(days: i32) -> Date {
        // Howard Hinnant's `civil_from_days`.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i32::from(month <= 2);
        // Both are in range by construction: day 1–31, month 1–12.
        Date {
            year,
            month: month as u8,
            day: day as u8,
        }
    }

    /// Days from 1970-01-01 to this date (negative before it).
    pub fn days_since_epoch(self) -> i32 {
        // Howard Hinnant's `days_from_civil`.
        let (month, day) = (i32::from(self.month), i32::from(self.day));
        let year = if month <= 2 { self.year - 1 } else { self.year };
        let era = year.div_euclid(400);
        let yoe = year - era * 400;
        let mp = (month + 9) % 12;
        let doy = (153 * mp + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days later (earlier, when negative).
    pub fn add_days(self, days: i32) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// The day of the week: 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        (self.days_since_epoch() + 3).rem_euclid(7) as u8
    }

    /// The ISO 8601 week-numbering year and week (1–53) this date falls in: weeks start on
    /// Monday, and week 1 is the one with the year's first Thursday.
    pub fn iso_week(self) -> (i32, u8) {
        let thursday = self.add_days(3 - i32::from(self.weekday()));
        let jan1 = Date {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (thursday.days_since_epoch() - jan1.days_since_epoch()) / 7 + 1;
        (thursday.year, week as u8)
    }

    /// The next day.
    pub fn succ(self) -> Date {
        if self.day < days_in_month(self.year, self.month) {
            Date {
                day: self.day + 1,
                ..self
            }
        } else if self.month < 12 {
            Date {
                month: self.month + 1,
                day: 1,
                ..self
            }
        } else {
            Date {
                year: self.year + 1,
                month: 1,
                day: 1,
            }
        }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Number of days of `month` (1–12) in `year`, proleptic Gregorian calendar; 0 for any other
/// month.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap_or_else(|| panic!("{text} is a date"))
    }

    #[test]
    fn dates_round_trip_and_impossible_ones_are_rejected() {
        for text in [
            "1970-01-01",
            "2023-09-13",
            "2024-02-29",
            "1899-12-31",
            "2000-02-29",
            "2100-03-01",
            "0000-01-01",
            "9999-12-31",
        ] {
            assert_eq!(date(text).to_string(), text);
        }
        for bad in [
            "2023-02-29",
            "2100-02-29",
            "2023-13-01",
            "2023-00-10",
            "2023-09-00",
            "2023-09-31",
            "2023-9-13",
            "20230913",
            "2023-09-1x",
            "2023/09/13",
            "13/09/2023",
            "",
            "2023-09",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_timestamp_gives_its_day() {
        for text in [
            "2023-09-13T12:00:00Z",
            "2023-09-13T23:59:59+09:00",
            "2023-09-13 12:00",
            "2023-09-13 12:00:00 UTC",
        ] {
            assert_eq!(date(text), date("2023-09-13"), "{text}");
        }
        // A suffix that is neither: no date (a zone alone, a second date, words).
        for bad in [
            "2023-09-13Z",
            "2023-09-1312",
            "2023-09-13/14",
            "2023-09-13,",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
    }

    // The inputs that kg-model's `Date::parse_iso` and kg-graph's `Day::parse` read differently
    // before there was one parser, and what each reads now.

    /// Was a date for the document reader and the time tagger (`str::parse` takes a sign), was
    /// none for the graph; is none: a signed number is no ISO date field.
    #[test]
    fn signed_fields_are_rejected() {
        for bad in [
            "+202-09-13",
            "-202-09-13",
            "2023-+9-13",
            "2023-09-+3",
            "+2023-09-13",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
    }

    /// Was a date for the document reader, none for the graph (`Day::parse` wanted exactly ten
    /// bytes); is a date: kg only ever writes the plain form, and a date field in a dump often
    /// carries spaces around it.
    #[test]
    fn surrounding_whitespace_is_trimmed() {
        for text in [" 2023-09-13", "2023-09-13 ", "\t2023-09-13\n"] {
            assert_eq!(date(text), date("2023-09-13"), "{text:?}");
        }
    }

    /// Was a date for the document reader, none for the graph; is a date: the graph reads only
    /// what kg wrote (always plain), and `--since`/`--until` check the length of the bound first,
    /// so neither sees a timestamp.
    #[test]
    fn timestamps_are_dates_wherever_a_date_is_read() {
        assert_eq!(date("2023-09-13T08:30:00Z"), date("2023-09-13"));
    }

    #[test]
    fn day_arithmetic_agrees_with_the_calendar() {
        assert_eq!(date("1970-01-01").days_since_epoch(), 0);
        assert_eq!(date("1970-01-02").days_since_epoch(), 1);
        assert_eq!(date("1969-12-31").days_since_epoch(), -1);
        assert_eq!(date("2000-03-01").days_since_epoch(), 11_017);
        assert_eq!(Date::from_days_since_epoch(19_613), date("2023-09-13"));
        // Every day of four centuries (leap years and the century rules): the next day by the
        // calendar is the next day count, and counts round-trip.
        let mut day = date("1899-12-31");
        let mut n = day.days_since_epoch();
        while day < date("2300-01-01") {
            assert_eq!(Date::from_days_since_epoch(n), day);
            let next = day.succ();
            assert!(next > day);
            assert_eq!(next.days_since_epoch(), n + 1, "after {day}");
            (day, n) = (next, n + 1);
        }
        assert_eq!(date("2023-12-31").succ(), date("2024-01-01"));
        assert_eq!(date("2024-02-28").succ(), date("2024-02-29"));
        assert_eq!(date("2023-02-28").succ(), date("2023-03-01"));
        assert_eq!(date("2023-09-13").add_days(-13), date("2023-08-31"));
        assert_eq!(date("2023-09-13").add_days(365), date("2024-09-12"));
    }

    #[test]
    fn weekdays_and_iso_weeks() {
        assert_eq!(date("1970-01-01").weekday(), 3); // a Thursday
        assert_eq!(date("2023-09-13").weekday(), 2); // a Wednesday
        assert_eq!(date("2024-12-29").weekday(), 6); // a Sunday
        assert_eq!(date("2023-09-13").iso_week(), (2023, 37));
        // The first days of a year can be in the last week of the one before, and the last days
        // in the first week of the next.
        assert_eq!(date("2021-01-03").iso_week(), (2020, 53));
        assert_eq!(date("2021-01-04").iso_week(), (2021, 1));
        assert_eq!(date("2024-12-30").iso_week(), (2025, 1));
    }

    #[test]
    fn new_checks_the_calendar() {
        assert_eq!(Date::new(2024, 2, 29), Some(date("2024-02-29")));
        assert_eq!(Date::new(2023, 2, 29), None);
        assert_eq!(Date::new(2023, 0, 1), None);
        assert_eq!(Date::new(2023, 1, 0), None);
    }
}
