//! Classes of verbs that rules read by lemma: which governors make an embedded verb expected,
//! planned or still to come, which verbs' objects do what an infinitive after them says. The
//! lists are `data/gazetteer/verb_classes.tsv`, one line a class, each documented there; they
//! are compiled in and parsed once.

use std::sync::OnceLock;

const VERB_CLASSES: &str = include_str!("../../../data/gazetteer/verb_classes.tsv");

/// A class of `data/gazetteer/verb_classes.tsv` (its name there in the variant's doc).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbClass {
    /// `expecting`: "is expected to pass", "is likely to fall".
    Expecting,
    /// `planning`: "plans to open", "vowed to fight".
    Planning,
    /// `supposing`: "is believed to have ordered".
    Supposing,
    /// `vouching`: "promised to pay" (the subject is the source).
    Vouching,
    /// `future`: "agreed to meet on Friday" (an infinitive still to come).
    Future,
    /// `object_control`: "forced residents to flee" (the object flees).
    ObjectControl,
    /// `requesting`: "urged Congress to approve" (asked for, not done).
    Requesting,
    /// `infinitive_after_object`: "expect heavy rain to continue" (the infinitive is the verb's).
    InfinitiveAfterObject,
    /// `accusing`: "accused Russia of blowing up the dam".
    Accusing,
}

const CLASSES: [(VerbClass, &str); 9] = [
    (VerbClass::Expecting, "expecting"),
    (VerbClass::Planning, "planning"),
    (VerbClass::Supposing, "supposing"),
    (VerbClass::Vouching, "vouching"),
    (VerbClass::Future, "future"),
    (VerbClass::ObjectControl, "object_control"),
    (VerbClass::Requesting, "requesting"),
    (VerbClass::InfinitiveAfterObject, "infinitive_after_object"),
    (VerbClass::Accusing, "accusing"),
];

impl VerbClass {
    /// Whether `lemma` (lowercase) is in the class.
    pub fn contains(self, lemma: &str) -> bool {
        members(self).contains(&lemma)
    }
}

fn members(class: VerbClass) -> &'static [&'static str] {
    static TABLE: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = vec![Vec::new(); CLASSES.len()];
        for line in VERB_CLASSES.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (name, lemmas) = line.split_once('\t').expect("class<TAB>lemmas");
            let k = CLASSES
                .iter()
                .position(|&(_, n)| n == name)
                .unwrap_or_else(|| panic!("unknown verb class {name:?} in verb_classes.tsv"));
            table[k].extend(lemmas.split_whitespace());
        }
        table
    });
    let k = CLASSES
        .iter()
        .position(|&(c, _)| c == class)
        .expect("listed");
    &table[k]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_has_its_line_and_only_lowercase_lemmas() {
        for (class, name) in CLASSES {
            assert!(!members(class).is_empty(), "no line for {name}");
            assert!(
                members(class)
                    .iter()
                    .all(|l| l.chars().all(|c| c.is_ascii_lowercase())),
                "{name}"
            );
        }
        assert!(VerbClass::Planning.contains("plan") && !VerbClass::Planning.contains("say"));
        assert!(VerbClass::Future.contains("agree") && !VerbClass::Future.contains("try"));
    }
}
