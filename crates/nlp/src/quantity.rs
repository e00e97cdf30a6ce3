//! Quantities: money ("$45 million", "1.2 billion euros"), percentages ("27 per cent", "7%"),
//! durations ("five-day", "three weeks"), measures ("40 km") and counts of things ("more than 100
//! missile launches", "about 800 people") become typed values with an approximation marker.
//! English only, rule-based over tokens; run after [`crate::timex`] so years and dates are skipped.
//!
//! A count's unit is the counted noun (its lemma when the lemmatiser ran, else its lowercase form);
//! a number with nothing countable after it ("he won 3") is a count without unit. Numbers written
//! as words need a unit, a scale word or a noun after them, so "one of them" is not a quantity.

pub use crate::doc::{Approx, Quantity, QuantityKind};
use crate::doc::{Sentence, Token, Xpos};

/// Finds the quantities of `sentence` and stores them in `sentence.quantities`, skipping tokens
/// inside its time expressions.
pub fn annotate(sentence: &mut Sentence) {
    let mut covered = vec![false; sentence.tokens.len()];
    for t in &sentence.timexes {
        for c in covered.iter_mut().take(t.end).skip(t.start) {
            *c = true;
        }
    }
    let found = find(&sentence.tokens, &covered);
    sentence.quantities.extend(found);
}

/// The quantities of a token sequence, left to right; `skip[i]` marks tokens already taken.
pub fn find(tokens: &[Token], skip: &[bool]) -> Vec<Quantity> {
    let lower: Vec<String> = tokens.iter().map(|t| t.form.to_lowercase()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if skip.get(i).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        match match_at(tokens, &lower, skip, i) {
            Some(q) => {
                i = q.end;
                out.push(q);
            }
            None => i += 1,
        }
    }
    out
}

const SMALL: [&str; 20] = [
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
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn word_number(w: &str) -> Option<f64> {
    if let Some(i) = SMALL.iter().position(|x| *x == w) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|x| *x == w) {
        return Some(20.0 + 10.0 * i as f64);
    }
    // "twenty-five"
    let (a, b) = w.split_once('-')?;
    let tens = TENS.iter().position(|x| *x == a)?;
    let unit = SMALL[1..10].iter().position(|x| *x == b)?;
    Some(20.0 + 10.0 * tens as f64 + unit as f64 + 1.0)
}

fn scale(w: &str) -> Option<f64> {
    match w {
        "hundred" => Some(1e2),
        "thousand" | "k" => Some(1e3),
        "million" | "millions" | "m" | "mln" => Some(1e6),
        "billion" | "billions" | "bn" | "b" => Some(1e9),
        "trillion" | "tn" => Some(1e12),
        _ => None,
    }
}

fn currency_symbol(s: &str) -> Option<&'static str> {
    match s {
        "$" | "us$" => Some("USD"),
        "€" => Some("EUR"),
        "£" => Some("GBP"),
        "¥" => Some("JPY"),
        "₩" => Some("KRW"),
        "₽" => Some("RUB"),
        "₹" => Some("INR"),
        _ => None,
    }
}

fn currency_code(s: &str) -> Option<&'static str> {
    match s {
        "usd" => Some("USD"),
        "eur" => Some("EUR"),
        "gbp" => Some("GBP"),
        "jpy" => Some("JPY"),
        "chf" => Some("CHF"),
        "cny" => Some("CNY"),
        "krw" => Some("KRW"),
        "rub" => Some("RUB"),
        "inr" => Some("INR"),
        _ => None,
    }
}

fn currency_word(s: &str) -> Option<&'static str> {
    match s {
        "dollar" | "dollars" => Some("USD"),
        "euro" | "euros" => Some("EUR"),
        "pound" | "pounds" | "sterling" => Some("GBP"),
        "yen" => Some("JPY"),
        "won" => Some("KRW"),
        "rouble" | "roubles" | "ruble" | "rubles" => Some("RUB"),
        "yuan" | "renminbi" => Some("CNY"),
        "rupee" | "rupees" => Some("INR"),
        "franc" | "francs" => Some("CHF"),
        _ => None,
    }
}

fn time_unit(s: &str) -> Option<&'static str> {
    match s {
        "second" | "seconds" => Some("second"),
        "minute" | "minutes" => Some("minute"),
        "hour" | "hours" => Some("hour"),
        "day" | "days" => Some("day"),
        "week" | "weeks" => Some("week"),
        "month" | "months" => Some("month"),
        "year" | "years" => Some("year"),
        "decade" | "decades" => Some("decade"),
        _ => None,
    }
}

fn measure_unit(s: &str) -> Option<&'static str> {
    match s {
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => Some("km"),
        "m" | "metre" | "metres" | "meter" | "meters" => Some("m"),
        "mile" | "miles" => Some("mile"),
        "kg" | "kilogram" | "kilograms" => Some("kg"),
        "tonne" | "tonnes" | "ton" | "tons" => Some("tonne"),
        "barrel" | "barrels" => Some("barrel"),
        "mw" | "megawatt" | "megawatts" => Some("MW"),
        "gw" | "gigawatt" | "gigawatts" => Some("GW"),
        "hectare" | "hectares" => Some("hectare"),
        "litre" | "litres" | "liter" | "liters" => Some("litre"),
        _ => None,
    }
}

/// An approximation phrase ending just before `i`: its start and meaning.
fn approx_before(lower: &[String], i: usize) -> Option<(usize, Approx)> {
    let w = |k: usize| lower.get(k).map(String::as_str);
    if i >= 2 {
        let two = (w(i - 2)?, w(i - 1)?);
        let a = match two {
            ("more" | "greater", "than") => Some(Approx::MoreThan),
            ("less" | "fewer", "than") => Some(Approx::LessThan),
            ("at", "least") => Some(Approx::AtLeast),
            ("at", "most") | ("up", "to") => Some(Approx::AtMost),
            ("an", "estimated") | ("as", "many") => Some(Approx::About),
            _ => None,
        };
        if let Some(a) = a {
            return Some((i - 2, a));
        }
    }
    let a = match w(i.checked_sub(1)?)? {
        "about" | "around" | "approximately" | "roughly" | "nearly" | "almost" | "some"
        | "circa" | "c." | "~" => Approx::About,
        "over" | "above" => Approx::MoreThan,
        "under" | "below" => Approx::LessThan,
        _ => return None,
    };
    Some((i - 1, a))
}

/// A plain number at `i`: "45", "1,200", "1.2", "45m", "twenty-five", "two hundred", with a
/// following scale word ("million"). Returns (amount, end, written as digits, unit glued to it).
fn number_at(lower: &[String], i: usize) -> Option<(f64, usize, bool, Option<&'static str>)> {
    let w = lower.get(i)?;
    let digits_end = w
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(w.len());
    let (mut amount, digital, glued) = if digits_end > 0 && w.as_bytes()[0].is_ascii_digit() {
        let num: String = w[..digits_end]
            .trim_end_matches('.')
            .chars()
            .filter(|&c| c != ',')
            .collect();
        let v: f64 = num.parse().ok()?;
        let rest = &w[digits_end..];
        // "45m", "3bn", "7%", "40km", "1.2bn"; anything else glued ("3rd", "9/13") is not a number.
        let (v, glued) = match rest {
            "" => (v, None),
            "%" => (v, Some("%")),
            r => match (scale(r), measure_unit(r)) {
                (Some(s), _) if r != "m" => (v * s, None),
                (_, Some(u)) => (v, Some(u)),
                (Some(s), None) => (v * s, None),
                _ => return None,
            },
        };
        (v, true, glued)
    } else if let Some(v) = word_number(w) {
        (v, false, None)
    } else if (w == "a" || w == "an") && lower.get(i + 1).and_then(|n| scale(n)).is_some() {
        (1.0, false, None)
    } else {
        return None;
    };
    let mut end = i + 1;
    // "two hundred thousand", "45 million", "1.2 billion"
    while glued.is_none() {
        let Some(s) = lower
            .get(end)
            .and_then(|n| scale(n))
            .filter(|_| lower[end].len() > 1)
        else {
            break;
        };
        amount *= s;
        end += 1;
    }
    Some((amount, end, digital, glued))
}

fn is_noun(t: &Token) -> bool {
    t.xpos.is_common_noun() || (!t.xpos.is_set() && matches!(t.upos, crate::doc::Upos::Noun))
}

fn is_modifier(t: &Token) -> bool {
    matches!(
        t.xpos,
        Xpos::Jj | Xpos::Jjr | Xpos::Jjs | Xpos::Nnp | Xpos::Nnps | Xpos::Vbn | Xpos::Vbg
    ) || is_noun(t)
}

fn match_at(tokens: &[Token], lower: &[String], skip: &[bool], i: usize) -> Option<Quantity> {
    let free = |k: usize| !skip.get(k).copied().unwrap_or(false);
    // Currency before the number: "$45", "$ 45", "US$ 45", "EUR 45", "€1.2bn".
    let (currency, num_at) = match currency_symbol(&lower[i]).or_else(|| currency_code(&lower[i])) {
        Some(c) => (Some(c), i + 1),
        None => {
            let w = &lower[i];
            let sym = ["us$", "$", "€", "£", "¥"]
                .into_iter()
                .find(|s| w.starts_with(s) && w.len() > s.len());
            match sym {
                Some(s) => (currency_symbol(s), i),
                None => (None, i),
            }
        }
    };
    let stripped: Vec<String>;
    let lower_for_number: &[String] = if currency.is_some() && num_at == i {
        // The symbol is glued to the number: parse a copy without it.
        let mut v = lower.to_vec();
        let sym = ["us$", "$", "€", "£", "¥"]
            .into_iter()
            .find(|s| v[i].starts_with(s))
            .unwrap_or("");
        v[i] = v[i][sym.len()..].to_string();
        stripped = v;
        &stripped
    } else {
        lower
    };
    // "five-day" as one token.
    if currency.is_none() {
        if let Some((a, b)) = lower[i].split_once('-') {
            if let (Some(n), Some(u)) = (
                word_number(a).or_else(|| a.parse().ok()),
                time_unit(b).or_else(|| measure_unit(b)),
            ) {
                let kind = if time_unit(b).is_some() {
                    QuantityKind::Duration
                } else {
                    QuantityKind::Measure
                };
                return Some(Quantity {
                    start: i,
                    end: i + 1,
                    amount: n,
                    unit: Some(u.to_string()),
                    kind,
                    approx: None,
                });
            }
        }
    }
    if !free(num_at) {
        return None;
    }
    let (mut amount, mut end, digital, mut glued) = number_at(lower_for_number, num_at)?;
    if currency.is_some() && glued == Some("m") {
        // "$45m": with money, a glued "m" is million, not metres.
        amount *= 1e6;
        glued = None;
    }
    if (num_at..end).any(|k| !free(k)) {
        return None;
    }
    let (start, approx) = match approx_before(lower, i) {
        Some((s, a)) if (s..i).all(free) => (s, Some(a)),
        _ => (i, None),
    };
    let next = |k: usize| lower.get(k).map(String::as_str).filter(|_| free(k));
    let (kind, unit) = if let Some(c) = currency {
        (QuantityKind::Money, Some(c.to_string()))
    } else if glued == Some("%") {
        (QuantityKind::Percent, Some("%".to_string()))
    } else if let Some(u) = glued {
        (QuantityKind::Measure, Some(u.to_string()))
    } else if let Some(c) = next(end)
        .and_then(currency_word)
        .or_else(|| next(end).and_then(currency_code))
    {
        end += 1;
        (QuantityKind::Money, Some(c.to_string()))
    } else if matches!(next(end), Some("%" | "percent" | "pct")) {
        end += 1;
        (QuantityKind::Percent, Some("%".to_string()))
    } else if next(end) == Some("per") && next(end + 1) == Some("cent") {
        end += 2;
        (QuantityKind::Percent, Some("%".to_string()))
    } else if matches!(next(end), Some("percentage"))
        && matches!(next(end + 1), Some("point" | "points"))
    {
        end += 2;
        (QuantityKind::Percent, Some("percentage point".to_string()))
    } else if next(end) == Some("-") && next(end + 1).and_then(time_unit).is_some() {
        // "five - day" split by the tokeniser
        end += 2;
        (
            QuantityKind::Duration,
            time_unit(&lower[end - 1]).map(str::to_string),
        )
    } else if let Some(u) = next(end).and_then(time_unit) {
        end += 1;
        (QuantityKind::Duration, Some(u.to_string()))
    } else if let Some(u) = next(end).and_then(measure_unit) {
        end += 1;
        (QuantityKind::Measure, Some(u.to_string()))
    } else {
        // A count: the head noun of the following noun phrase, skipping modifiers.
        let mut head = None;
        let mut k = end;
        while k < tokens.len() && k < end + 4 && free(k) && is_modifier(&tokens[k]) {
            if is_noun(&tokens[k]) {
                head = Some(k);
            } else if head.is_some() {
                break;
            }
            k += 1;
        }
        // "of" after a noun-less number ("one of them") or a bare number word means no quantity.
        let scaled = end > num_at + 1;
        if head.is_none() && !digital && !scaled {
            return None;
        }
        let unit = head.map(|h| {
            let t = &tokens[h];
            if t.lemma.is_empty() {
                t.form.to_lowercase()
            } else {
                t.lemma.to_lowercase()
            }
        });
        if let Some(h) = head {
            end = h + 1;
        }
        (QuantityKind::Count, unit)
    };
    // A rate: "about $1.50 a dose", "$60 per tonne", "$5 a share": the sum is per that unit.
    if kind == QuantityKind::Money
        && matches!(next(end), Some("a" | "an" | "per"))
        && tokens
            .get(end + 1)
            .is_some_and(|t| is_noun(t) && free(end + 1))
    {
        end += 2;
    }
    Some(Quantity {
        start,
        end,
        amount,
        unit,
        kind,
        approx,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Timex;

    /// A sentence in `kg_model::notation`: `said/_/VBD` is a word with its Penn tag.
    fn sentence(text: &str) -> Sentence {
        kg_model::notation::sentence(text)
    }

    /// Surface, amount, unit, kind, approximation.
    type Seen = (String, f64, Option<String>, QuantityKind, Option<Approx>);

    fn quantities(text: &str) -> Vec<Seen> {
        let mut s = sentence(text);
        annotate(&mut s);
        s.quantities
            .iter()
            .map(|q| {
                let surface: Vec<&str> = s.tokens[q.start..q.end]
                    .iter()
                    .map(|t| t.form.as_str())
                    .collect();
                (
                    surface.join(" "),
                    q.amount,
                    q.unit.clone(),
                    q.kind,
                    q.approx,
                )
            })
            .collect()
    }

    fn one(text: &str) -> Seen {
        let all = quantities(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.into_iter().next().unwrap()
    }

    #[test]
    fn money_with_symbols_scales_and_currency_words() {
        assert_eq!(
            one("a $ 45 million loan"),
            (
                "$ 45 million".into(),
                45e6,
                Some("USD".into()),
                QuantityKind::Money,
                None
            )
        );
        assert_eq!(one("a $45m loan").1, 45e6);
        assert_eq!(
            one("for 1.2 billion euros in cash"),
            (
                "1.2 billion euros".into(),
                1.2e9,
                Some("EUR".into()),
                QuantityKind::Money,
                None
            )
        );
        assert_eq!(one("fined €3bn on Friday").2.as_deref(), Some("EUR"));
        assert_eq!(one("fined €3bn on Friday").1, 3e9);
        assert_eq!(one("worth 500,000 roubles").1, 500_000.0);
        assert_eq!(one("worth 500,000 roubles").2.as_deref(), Some("RUB"));
        // A rate keeps its unit: "a dose", "per tonne".
        assert_eq!(
            one("costs about $/SYM/$ 1.50/NUM/CD a/DET/DT dose/NOUN/NN").0,
            "about $ 1.50 a dose"
        );
        assert_eq!(
            one("paid $/SYM/$ 60/NUM/CD per/ADP/IN tonne/NOUN/NN").0,
            "$ 60 per tonne"
        );
    }

    #[test]
    fn percentages_in_three_spellings() {
        assert_eq!(
            one("wages rise by 27 per cent"),
            (
                "27 per cent".into(),
                27.0,
                Some("%".into()),
                QuantityKind::Percent,
                None
            )
        );
        assert_eq!(one("inflation hit 7% in March").1, 7.0);
        assert_eq!(one("inflation hit 7 % in March").0, "7 %");
        assert_eq!(one("up 2.5 percent").1, 2.5);
        assert_eq!(
            one("down 3 percentage points").2.as_deref(),
            Some("percentage point")
        );
    }

    #[test]
    fn counts_take_the_counted_noun_and_approximation() {
        assert_eq!(
            one("more than 100 missile/_/NN launches/_/NNS this year"),
            (
                "more than 100 missile launches".into(),
                100.0,
                Some("launches".into()),
                QuantityKind::Count,
                Some(Approx::MoreThan)
            )
        );
        assert_eq!(
            one("employs about 800 people/_/NNS ."),
            (
                "about 800 people".into(),
                800.0,
                Some("people".into()),
                QuantityKind::Count,
                Some(Approx::About)
            )
        );
        assert_eq!(
            one("at least 12 civilians/_/NNS died").4,
            Some(Approx::AtLeast)
        );
        assert_eq!(
            one("three North/_/NNP Korean/_/JJ ships/_/NNS")
                .2
                .as_deref(),
            Some("ships")
        );
        assert_eq!(one("two million people/_/NNS").1, 2e6);
        assert_eq!(one("twenty-five soldiers/_/NNS").1, 25.0);
        // A bare digit number is a count without unit.
        assert_eq!(
            one("the score was 3 ."),
            ("3".into(), 3.0, None, QuantityKind::Count, None)
        );
    }

    #[test]
    fn durations_and_measures() {
        assert_eq!(
            one("a five-day strike"),
            (
                "five-day".into(),
                5.0,
                Some("day".into()),
                QuantityKind::Duration,
                None
            )
        );
        assert_eq!(one("a five - day strike").0, "five - day");
        assert_eq!(one("lasted three weeks").2.as_deref(), Some("week"));
        assert_eq!(one("a 40 km drive").2.as_deref(), Some("km"));
        assert_eq!(one("a 40km drive").1, 40.0);
    }

    #[test]
    fn word_numbers_need_something_to_count() {
        assert!(quantities("one of them left").is_empty());
        assert!(quantities("no one came").is_empty());
        assert!(quantities("the first time").is_empty());
        assert!(quantities("the 3rd time").is_empty());
    }

    #[test]
    fn tokens_inside_time_expressions_are_skipped() {
        let mut s = sentence("In 2022 , 300 people/_/NNS left .");
        s.timexes.push(Timex {
            start: 1,
            end: 2,
            value: Some("2022".into()),
        });
        annotate(&mut s);
        assert_eq!(s.quantities.len(), 1);
        assert_eq!(s.quantities[0].amount, 300.0);
        assert_eq!((s.quantities[0].start, s.quantities[0].end), (3, 5));
    }
}
