//! Closed label sets of an annotated token: dependency relations ([`Deprel`]), Penn Treebank
//! tags ([`Xpos`]) and morphological features ([`Feats`]), typed so that a misspelt label does
//! not compile.
//!
//! Each set is the one the UD English-EWT treebank and kg's trained models use; reading any other
//! spelling fails ([`LabelError`]), so a treebank or model with labels kg does not know is refused
//! at load rather than silently never matching a rule. Every type spells itself exactly as UD
//! does (`as_str`, `Display`, serde), and its empty string is the "not annotated yet" value.

mod deprel;
mod feats;
mod xpos;

pub use deprel::Deprel;
pub use feats::{Feats, Feature, Value};
pub use xpos::Xpos;

/// Why a label could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LabelError {
    #[error("unknown {kind} {label:?}")]
    Unknown { kind: &'static str, label: String },
    #[error("FEATS item {item:?} is not Feature=Value")]
    MalformedFeature { item: String },
    #[error("\"{value}\" is not a value of the feature {feature}")]
    WrongValue { feature: Feature, value: Value },
    #[error("FEATS {feats:?} are not in UD's order (by name, ignoring case, each once)")]
    Order { feats: String },
}

/// Defines a closed label set: a fieldless enum with its spelling, `ALL`, `as_str`, parsing
/// (`FromStr`, failing on unknown labels), `Display` and serde as the spelling.
macro_rules! label_set {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($kind:literal) {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in the order of declaration.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The spelling, as in CoNLL-U and in model files.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $text, )+
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::labels::LabelError;

            /// Reads a spelling; the empty string is the unset value.
            fn from_str(s: &str) -> Result<$name, $crate::labels::LabelError> {
                match s {
                    $( $text => Ok($name::$variant), )+
                    _ => Err($crate::labels::LabelError::Unknown {
                        kind: $kind,
                        label: s.to_owned(),
                    }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
pub(crate) use label_set;

#[cfg(test)]
mod tests {
    use super::*;

    /// Training code sorts labels to number them, and model files hold them in that order:
    /// the derived order must be the order of the spellings, as it was when labels were strings,
    /// or retraining would change the models.
    #[test]
    fn values_are_declared_in_the_order_of_their_spellings() {
        fn sorted<T: Copy + Ord>(all: &[T], text: impl Fn(T) -> &'static str) {
            for w in all.windows(2) {
                assert!(w[0] < w[1] && text(w[0]) < text(w[1]), "{}", text(w[1]));
            }
        }
        sorted(Deprel::ALL, Deprel::as_str);
        sorted(Xpos::ALL, Xpos::as_str);
        assert_eq!(Deprel::default().as_str(), "");
        assert_eq!(Xpos::default().as_str(), "");
    }

    #[test]
    fn every_spelling_reads_back_and_unknown_ones_fail() {
        for &d in Deprel::ALL {
            assert_eq!(d.as_str().parse::<Deprel>(), Ok(d));
        }
        for &x in Xpos::ALL {
            assert_eq!(x.to_string().parse::<Xpos>(), Ok(x));
        }
        assert_eq!(
            "nsubj:passive".parse::<Deprel>().unwrap_err().to_string(),
            "unknown dependency relation \"nsubj:passive\""
        );
        assert!("nn".parse::<Xpos>().is_err());
    }
}
