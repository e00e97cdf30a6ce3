//! Repairs of the parser's trees where it misreads constructions news is full of, at the cost of
//! a clause's subject, object or source. They read and change only heads, relations and, where
//! a participle turns out to be a finite verb, its tag; [`repair`] runs them in their order.
//!
//! `syntax_models eval` reports what they move in UD EWT: 21 words in dev and 16 in test, 11 and
//! 11 of them then as in gold, 3 and 1 before.

use crate::doc::{Deprel, Sentence, Token};

mod ages;
mod attachments;
mod control;
mod relatives;
mod reports;
mod times;
mod verbs_and_subjects;

use ages::*;
use attachments::*;
use control::*;
use relatives::*;
use reports::*;
use times::*;
use verbs_and_subjects::*;

/// Repairs of parser errors that cost a news clause its subject, object or source, in
/// constructions news is full of (`syntax_models eval` reports what they move in EWT):
///
/// - A clause opened by "after", "before", "since", "until", "because", "as", "while" or
///   "once" read as a prepositional phrase plus a verb without a subject ("pulled survivors
///   from the rubble after a building | collapsed in Lagos", with "after a building" an oblique
///   of "pulled" and "collapsed" its conjunct, though no "and" joins them; "comes as the Union |
///   investigates", with the verb an adverbial clause of its own): the noun phrase is the
///   subject of the verb, the word opening it a marker, the verb an adverbial clause.
/// - A participle opening a sentence read as a verb taking the subject as its object
///   ("Striking | dock workers blocked the port", with "workers" the object of "Striking" and
///   "blocked" left without a subject): the participle modifies the noun, which is the subject
///   of the next finite verb.
/// - A bare noun read as an oblique of a verb with no object (`attachments::object_read_as_an_oblique`).
/// - A sentence read as a noun with a participle (`verbs_and_subjects::past_tense_read_as_a_modifier`).
/// - A verb after "and" read as a conjunct of the object before it
///   (`verbs_and_subjects::coordinated_verb_read_as_a_conjunct_of_the_object`).
/// - A verb hung on "and" (`verbs_and_subjects::verb_hung_on_a_conjunction`).
/// - What was told read as a relative clause of the listener (`attachments::said_to_read_as_a_relative`).
/// - An apposition of a list's last item read as one more item
///   (`attachments::apposition_read_as_a_conjunct_after_the_last`).
/// - A number before a copula read as counting the predicate noun
///   (`verbs_and_subjects::number_read_as_counting_its_predicate`).
/// - A coordinated subject read as a noun with a relative clause
///   (`verbs_and_subjects::coordinated_subject_read_as_a_relative`).
/// - What was said read as the saying verb's object noun with a modifier
///   (`reports::reported_clause_read_as_the_object`), or as a second subject of the saying verb
///   with a participle (`reports::reported_clause_read_as_a_second_subject`).
/// - The speakers of a final "…, police and officials said." read as conjuncts of the last noun
///   (`reports::final_speakers_read_as_conjuncts`), and a speaker after a quote hung inside it
///   (`reports::speaker_after_a_quote_read_as_an_object`).
/// - A person's age after the name read as a subject, an apposition or a break before the verb
///   (`ages::age_after_a_name`).
/// - An infinitive after the object of a verb of object control hung on the object or read as a
///   purpose (`control::infinitive_hung_on_the_object`).
/// - A relative clause hung on a verb instead of the noun it follows
///   (`relatives::relative_clause_hung_on_a_verb`), and a relative word read as a second subject
///   of the saying verb inside the relative clause (`relatives::relative_word_of_a_reported_clause`).
/// - The day, month or year of the event hung on a noun after the verb
///   (`times::time_read_as_a_modifier_of_a_noun`).
pub fn repair(sentence: &mut Sentence) {
    coordinated_clause_read_as_a_complement(sentence);
    coordinated_verb_read_as_a_conjunct_of_the_object(sentence);
    verb_hung_on_a_conjunction(sentence);
    participle_clause_read_as_a_modifier(sentence);
    participle_on_a_predicate_noun(sentence);
    subordinate_clause_read_as_conjunct(sentence);
    participle_read_as_the_verb(sentence);
    object_read_as_an_oblique(sentence);
    past_tense_read_as_a_modifier(sentence);
    finite_verb_read_as_a_modifier(sentence);
    saying_verb_read_as_a_modifier(sentence);
    adjective_read_as_the_root(sentence);
    predicate_read_as_a_modifier_of_the_object(sentence);
    object_read_as_part_of_a_time(sentence);
    score_read_as_a_modifier_of_the_object(sentence);
    verb_after_a_parenthetical(sentence);
    said_to_read_as_a_relative(sentence);
    reported_clause_read_as_the_object(sentence);
    reported_clause_read_as_a_second_subject(sentence);
    final_speakers_read_as_conjuncts(sentence);
    speaker_after_a_quote_read_as_an_object(sentence);
    coordinated_subject_read_as_a_relative(sentence);
    apposition_read_as_a_conjunct_after_the_last(sentence);
    list_read_as_appositions(sentence);
    coordinated_subject_split(sentence);
    description_read_as_the_conjunct(sentence);
    town_and_state_before_a_noun(sentence);
    description_and_name_read_as_siblings(sentence);
    apposition_read_as_an_unmarked_oblique(sentence);
    hyphenated_modifier_read_as_the_head(sentence);
    number_read_as_counting_its_predicate(sentence);
    two_prepositions_on_one_noun(sentence);
    preposition_read_as_an_adverb(sentence);
    agent_read_as_a_modifier(sentence);
    place_based_read_as_the_head(sentence);
    partner_read_as_a_modifier_of_the_means(sentence);
    name_read_as_part_of_an_amount(sentence);
    age_after_a_name(sentence);
    infinitive_hung_on_the_object(sentence);
    relative_clause_hung_on_a_verb(sentence);
    relative_word_of_a_reported_clause(sentence);
    time_read_as_a_modifier_of_a_noun(sentence);
}

fn is_finite_verb(t: &Token) -> bool {
    t.xpos.is_finite_verb()
}

/// The first and last token of the subtree of `i`.
fn subtree_bounds(tokens: &[Token], i: usize) -> (usize, usize) {
    let (mut lo, mut hi) = (i, i);
    for k in 0..tokens.len() {
        let mut x = k;
        // Walk up; a malformed tree (a cycle) ends the walk after `len` steps.
        for _ in 0..tokens.len() {
            if x == i {
                lo = lo.min(k);
                hi = hi.max(k);
                break;
            }
            match tokens[x].head {
                Some(h) => x = h,
                None => break,
            }
        }
    }
    (lo, hi)
}

/// The preposition marking `x` (its `case` dependent), in lower case.
fn case_word(tokens: &[Token], x: usize) -> Option<String> {
    tokens
        .iter()
        .find(|t| t.head == Some(x) && t.deprel == Deprel::Case)
        .map(|t| t.form.to_lowercase())
}

/// Whether `i` has a child attached by `rel`, or by one of its subtypes.
fn has_child(tokens: &[Token], i: usize, rel: Deprel) -> bool {
    tokens
        .iter()
        .any(|t| t.head == Some(i) && t.deprel.is_a(rel))
}
