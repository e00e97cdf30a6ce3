//! Morphological features (UD's FEATS column) with the features and values of UD English-EWT.

use std::fmt;

use super::{label_set, LabelError};

label_set! {
    /// A morphological feature, declared in UD's order of features in a FEATS column
    /// (alphabetical, ignoring case).
    pub enum Feature ("FEATS feature") {
        Abbr = "Abbr",
        Case = "Case",
        Definite = "Definite",
        Degree = "Degree",
        /// The part of speech of a fixed expression as a whole ("because of": ADP).
        ExtPos = "ExtPos",
        Foreign = "Foreign",
        Gender = "Gender",
        Mood = "Mood",
        Number = "Number",
        NumForm = "NumForm",
        NumType = "NumType",
        Person = "Person",
        Polarity = "Polarity",
        Poss = "Poss",
        PronType = "PronType",
        Reflex = "Reflex",
        Style = "Style",
        Tense = "Tense",
        Typo = "Typo",
        VerbForm = "VerbForm",
        Voice = "Voice",
    }
}

label_set! {
    /// A value of a [`Feature`]; which values a feature takes is [`Feature::values`].
    pub enum Value ("FEATS value") {
        First = "1",
        Second = "2",
        Third = "3",
        Adp = "ADP",
        Adv = "ADV",
        Acc = "Acc",
        Arch = "Arch",
        Art = "Art",
        Cconj = "CCONJ",
        Card = "Card",
        Cmp = "Cmp",
        Coll = "Coll",
        Combi = "Combi",
        Def = "Def",
        Dem = "Dem",
        Digit = "Digit",
        Emp = "Emp",
        Expr = "Expr",
        Fem = "Fem",
        Fin = "Fin",
        Frac = "Frac",
        Gen = "Gen",
        Ger = "Ger",
        Imp = "Imp",
        Ind = "Ind",
        Inf = "Inf",
        Int = "Int",
        Masc = "Masc",
        Mult = "Mult",
        Neg = "Neg",
        Neut = "Neut",
        Nom = "Nom",
        Ord = "Ord",
        Part = "Part",
        Pass = "Pass",
        Past = "Past",
        Plur = "Plur",
        Pos = "Pos",
        Pres = "Pres",
        Pron = "PRON",
        Propn = "PROPN",
        Prs = "Prs",
        Ptan = "Ptan",
        Rcp = "Rcp",
        Rel = "Rel",
        Roman = "Roman",
        Sconj = "SCONJ",
        Sing = "Sing",
        Slng = "Slng",
        Sub = "Sub",
        Sup = "Sup",
        Tot = "Tot",
        Vrnc = "Vrnc",
        Word = "Word",
        Yes = "Yes",
    }
}

impl Feature {
    /// The values the feature takes in UD English-EWT.
    pub const fn values(self) -> &'static [Value] {
        use Value::*;
        match self {
            Feature::Abbr | Feature::Foreign | Feature::Poss | Feature::Reflex | Feature::Typo => {
                &[Yes]
            }
            Feature::Case => &[Acc, Gen, Nom],
            Feature::Definite => &[Def, Ind],
            Feature::Degree => &[Cmp, Pos, Sup],
            Feature::ExtPos => &[Adp, Adv, Cconj, Pron, Propn, Sconj],
            Feature::Gender => &[Fem, Masc, Neut],
            Feature::Mood => &[Imp, Ind, Sub],
            Feature::Number => &[Plur, Ptan, Sing],
            Feature::NumForm => &[Combi, Digit, Roman, Word],
            Feature::NumType => &[Card, Frac, Mult, Ord],
            Feature::Person => &[First, Second, Third],
            Feature::Polarity => &[Neg, Pos],
            Feature::PronType => &[Art, Dem, Emp, Ind, Int, Neg, Prs, Rcp, Rel, Tot],
            Feature::Style => &[Arch, Coll, Expr, Slng, Vrnc],
            Feature::Tense => &[Past, Pres],
            Feature::VerbForm => &[Fin, Ger, Inf, Part],
            Feature::Voice => &[Pass],
        }
    }

    /// Whether `value` is one of the feature's [`values`](Feature::values).
    pub const fn takes(self, value: Value) -> bool {
        let values = self.values();
        let mut i = 0;
        while i < values.len() {
            if values[i] as u8 == value as u8 {
                return true;
            }
            i += 1;
        }
        false
    }
}

const FEATURES: usize = Feature::ALL.len();

/// A token's morphological features (UD's `Feat=Val|…`), one value per feature, without heap
/// storage. Written ([`Display`](fmt::Display)) exactly as UD writes them: features in UD's
/// order, joined by `|`; the empty set is the empty string (CoNLL-U `_`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Feats([Option<Value>; FEATURES]);

impl Feats {
    /// No features (unknown, or a word without any).
    pub const EMPTY: Feats = Feats([None; FEATURES]);

    /// These features with `feature` set to `value`. Panics (at compile time in a constant) if
    /// the feature does not take the value.
    pub const fn with(mut self, feature: Feature, value: Value) -> Feats {
        assert!(
            feature.takes(value),
            "a feature set to a value it does not take"
        );
        self.0[feature as usize] = Some(value);
        self
    }

    /// The value of `feature`, if set.
    pub const fn get(&self, feature: Feature) -> Option<Value> {
        self.0[feature as usize]
    }

    pub const fn is_empty(&self) -> bool {
        let mut i = 0;
        while i < FEATURES {
            if self.0[i].is_some() {
                return false;
            }
            i += 1;
        }
        true
    }

    /// The features that are set, in UD's order.
    pub fn iter(&self) -> impl Iterator<Item = (Feature, Value)> + '_ {
        Feature::ALL
            .iter()
            .zip(&self.0)
            .filter_map(|(&f, v)| v.map(|v| (f, v)))
    }
}

impl fmt::Display for Feats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (feature, value)) in self.iter().enumerate() {
            if i > 0 {
                f.write_str("|")?;
            }
            write!(f, "{feature}={value}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Feats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Feats({:?})", self.to_string())
    }
}

impl std::str::FromStr for Feats {
    type Err = LabelError;

    /// Reads `Feat=Val|…` (the empty string is no features). Features must come in UD's order,
    /// each once, so that writing them back gives the same text.
    fn from_str(s: &str) -> Result<Feats, LabelError> {
        let mut feats = Feats::EMPTY;
        let mut last: Option<Feature> = None;
        for item in s.split('|').filter(|_| !s.is_empty()) {
            let Some((name, value)) = item.split_once('=') else {
                return Err(LabelError::MalformedFeature {
                    item: item.to_owned(),
                });
            };
            let (feature, value): (Feature, Value) = (name.parse()?, value.parse()?);
            if !feature.takes(value) {
                return Err(LabelError::WrongValue { feature, value });
            }
            if last.is_some_and(|l| l >= feature) {
                return Err(LabelError::Order {
                    feats: s.to_owned(),
                });
            }
            last = Some(feature);
            feats.0[feature as usize] = Some(value);
        }
        Ok(feats)
    }
}

impl serde::Serialize for Feats {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Feats {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Feats, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_read_and_write_back_exactly() {
        for text in [
            "",
            "Case=Nom|Number=Sing|Person=1|PronType=Prs",
            "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin",
            "Number=Sing|NumForm=Word|NumType=Card",
            "ExtPos=ADP|Typo=Yes",
        ] {
            let feats: Feats = text.parse().unwrap();
            assert_eq!(feats.to_string(), text);
        }
        let feats: Feats = "Degree=Cmp|Polarity=Neg".parse().unwrap();
        assert_eq!(feats.get(Feature::Degree), Some(Value::Cmp));
        assert_eq!(feats.get(Feature::Case), None);
        assert!(Feats::EMPTY.is_empty() && !feats.is_empty());
        const PAST: Feats = Feats::EMPTY
            .with(Feature::Tense, Value::Past)
            .with(Feature::Mood, Value::Ind);
        assert_eq!(PAST.to_string(), "Mood=Ind|Tense=Past");
    }

    #[test]
    fn unknown_misspelt_or_unordered_features_are_refused() {
        let err = |s: &str| s.parse::<Feats>().unwrap_err().to_string();
        assert_eq!(err("Cases=Nom"), "unknown FEATS feature \"Cases\"");
        assert_eq!(
            err("Case=Sing"),
            "\"Sing\" is not a value of the feature Case"
        );
        assert_eq!(err("Case=Nominative"), "unknown FEATS value \"Nominative\"");
        assert_eq!(err("Case"), "FEATS item \"Case\" is not Feature=Value");
        assert!(err("Tense=Past|Mood=Ind").contains("not in UD's order"));
        assert!(err("Case=Nom|Case=Acc").contains("not in UD's order"));
    }
}
