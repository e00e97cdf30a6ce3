//! Golden outputs on sentences written for these tests, one per construction. The trees are
//! given by hand (UD style, as the parser produces them), so the tests check the extractor
//! and not the parser. Trees are in `kg_model::notation` (`form/UPOS/XPOS/lemma/head/deprel`,
//! heads 1-based, 0 the root); entity mentions are `start..end` token ranges (0-based).
use super::*;
use crate::doc::{EntityType, Mention};
use crate::statement::{ArgumentKind, Role};

pub(crate) fn doc(tree: &str, mentions: &[(usize, usize, EntityType)]) -> Document {
    let text = kg_model::notation::text(tree);
    let mut sentence = kg_model::notation::sentence(tree);
    sentence.mentions = mentions
        .iter()
        .map(|&(start, end, kind)| Mention {
            start,
            end,
            kind,
            refers_to: None,
            external_id: None,
        })
        .collect();
    kg_nlp::timex::annotate(&mut sentence, None);
    kg_nlp::quantity::annotate(&mut sentence);
    let mut d = Document::new("t", text);
    d.sentences.push(sentence);
    d
}

/// (subject, relation lemma, object) of the graph statements.
fn triples(d: &Document) -> Vec<(String, String, String)> {
    extract(d)
        .into_iter()
        .map(|s| {
            (
                s.subject.text,
                s.relation.lemma,
                s.object.map(|o| o.text).unwrap_or_default(),
            )
        })
        .collect()
}

fn has(d: &Document, s: &str, r: &str, o: &str) -> Statement {
    let all = extract(d);
    all.iter()
        .find(|x| {
            x.subject.text == s
                && x.relation.lemma == r
                && x.object.as_ref().map_or("", |o| o.text.as_str()) == o
        })
        .cloned()
        .unwrap_or_else(|| panic!("no ({s}, {r}, {o}) in {:?}", triples(d)))
}

const PER: EntityType = EntityType::Person;
const ORG: EntityType = EntityType::Organization;
const LOC: EntityType = EntityType::Place;

#[test]
fn verb_with_particle() {
    let d = doc("The/DET/DT/the/2/det firm/NOUN/NN/firm/3/nsubj set/VERB/VBD/set/0/root up/ADP/RP/up/3/compound:prt a/DET/DT/a/7/det new/ADJ/JJ/new/7/amod office/NOUN/NN/office/3/obj ./PUNCT/././3/punct", &[]);
    assert_eq!(
        triples(&d),
        [("firm".into(), "set up".into(), "new office".into())]
    );
}

#[test]
fn light_verb_takes_its_noun_and_preposition() {
    let d = doc("Workers/NOUN/NNS/worker/2/nsubj held/VERB/VBD/hold/0/root talks/NOUN/NNS/talk/2/obj with/ADP/IN/with/5/case managers/NOUN/NNS/manager/3/nmod ./PUNCT/././2/punct", &[]);
    assert_eq!(
        triples(&d),
        [("Workers".into(), "hold talk with".into(), "managers".into())]
    );
}

#[test]
fn copula_with_role_noun_of_an_organisation() {
    let d = doc("Maria/PROPN/NNP/Maria/5/nsubj Lopez/PROPN/NNP/Lopez/1/flat is/AUX/VBZ/be/5/cop the/DET/DT/the/5/det leader/NOUN/NN/leader/0/root of/ADP/IN/of/9/case the/DET/DT/the/9/det Green/PROPN/NNP/Green/9/compound Party/PROPN/NNP/Party/5/nmod ./PUNCT/././5/punct", &[(0, 2, PER), (7, 9, ORG)]);
    let s = has(&d, "Maria Lopez", "leader of", "Green Party");
    assert_eq!(s.object.unwrap().kind, ArgumentKind::Entity(ORG));
}

#[test]
fn plain_copula() {
    let d = doc("The/DET/DT/the/2/det bridge/NOUN/NN/bridge/5/nsubj is/AUX/VBZ/be/5/cop very/ADV/RB/very/5/advmod old/ADJ/JJ/old/0/root ./PUNCT/././5/punct", &[]);
    let s = has(&d, "bridge", "be", "very old");
    assert_eq!(s.relation.text, "is");
}

#[test]
fn apposition_states_a_role_of_an_organisation() {
    let d = doc("Anna/PROPN/NNP/Anna/10/nsubj Berg/PROPN/NNP/Berg/1/flat ,/PUNCT/,/,/8/punct Norway/PROPN/NNP/Norway/8/nmod:poss 's/PART/POS/'s/4/case Health/PROPN/NNP/Health/7/compound Ministry/PROPN/NNP/Ministry/8/compound spokesperson/NOUN/NN/spokesperson/1/appos ,/PUNCT/,/,/8/punct spoke/VERB/VBD/speak/0/root ./PUNCT/././10/punct", &[(0, 2, PER), (3, 4, LOC), (5, 7, ORG)]);
    has(&d, "Anna Berg", "spokesperson of", "Health Ministry");
    has(&d, "Anna Berg", "speak", "");
}

#[test]
fn its_role_is_the_organisation_named_before_it_however_often() {
    // "The Space Transport Agency (STA) praised the firm, and its chairman, Anand Rao, spoke."
    let d = doc("The/DET/DT/the/4/det Space/PROPN/NNP/Space/4/compound Transport/PROPN/NNP/Transport/4/compound Agency/PROPN/NNP/Agency/8/nsubj (/PUNCT/-LRB-/(/6/punct STA/PROPN/NNP/STA/4/appos )/PUNCT/-RRB-/)/6/punct praised/VERB/VBD/praise/0/root the/DET/DT/the/10/det firm/NOUN/NN/firm/8/obj ,/PUNCT/,/,/14/punct and/CCONJ/CC/and/14/cc its/PRON/PRP$/its/14/nmod:poss chairman/NOUN/NN/chairman/8/conj ,/PUNCT/,/,/16/punct Anand/PROPN/NNP/Anand/14/appos Rao/PROPN/NNP/Rao/16/flat ,/PUNCT/,/,/14/punct spoke/VERB/VBD/speak/8/conj ./PUNCT/././8/punct", &[(1, 4, ORG), (5, 6, ORG), (15, 17, PER)]);
    has(&d, "Anand Rao", "chairman of", "Space Transport Agency");
}

#[test]
fn a_stretch_of_time_is_no_object_and_no_time_of_the_event() {
    let d = doc("The/DET/DT/the/2/det deal/NOUN/NN/deal/4/nsubj:pass was/AUX/VBD/be/4/aux:pass negotiated/VERB/VBN/negotiate/0/root over/ADP/IN/over/7/case two/NUM/CD/two/7/nummod years/NOUN/NNS/year/4/obl ./PUNCT/././4/punct", &[]);
    let s = has(&d, "deal", "be negotiated", "");
    let roles: Vec<(Role, Option<&str>)> = s
        .qualifiers
        .iter()
        .map(|q| (q.role, q.preposition.as_deref()))
        .collect();
    assert_eq!(roles, [(Role::Other, Some("over"))]);
}

#[test]
fn a_predicates_phrase_does_not_run_across_its_subject() {
    let d = doc("However/ADV/RB/however/9/advmod ,/PUNCT/,/,/9/punct the/DET/DT/the/5/det term/NOUN/NN/term/5/compound cob/NOUN/NN/cob/9/nsubj is/AUX/VBZ/be/9/cop a/DET/DT/a/9/det body/NOUN/NN/body/9/compound type/NOUN/NN/type/0/root ./PUNCT/././9/punct", &[]);
    let s = has(&d, "term cob", "be", "body type");
    assert_eq!(s.object.unwrap().full_text, "a body type");
}

#[test]
fn a_time_owns_no_role() {
    // "Last year's winner, Youssef Bennani, spoke."
    let d = doc("Last/ADJ/JJ/last/2/amod year/NOUN/NN/year/4/nmod:poss 's/PART/POS/'s/2/case winner/NOUN/NN/winner/9/nsubj ,/PUNCT/,/,/6/punct Youssef/PROPN/NNP/Youssef/4/appos Bennani/PROPN/NNP/Bennani/6/flat ,/PUNCT/,/,/6/punct spoke/VERB/VBD/speak/0/root", &[(5, 7, PER)]);
    assert!(
        triples(&d).iter().all(|(_, r, _)| r != "winner of"),
        "{:?}",
        triples(&d)
    );
    has(&d, "Youssef Bennani", "be", "winner");
}

#[test]
fn coordinated_agents_each_did_it() {
    // "Acme was founded by Ana Lima and Rui Costa , two engineers ."
    let d = doc("Acme/PROPN/NNP/Acme/3/nsubj:pass was/AUX/VBD/be/3/aux:pass founded/VERB/VBN/found/0/root by/ADP/IN/by/5/case Ana/PROPN/NNP/Ana/3/obl:agent Lima/PROPN/NNP/Lima/5/flat and/CCONJ/CC/and/8/cc Rui/PROPN/NNP/Rui/5/conj Costa/PROPN/NNP/Costa/8/flat ,/PUNCT/,/,/12/punct two/NUM/CD/two/12/nummod engineers/NOUN/NNS/engineer/5/conj ./PUNCT/././3/punct", &[(0, 1, ORG), (4, 6, PER), (7, 9, PER)]);
    has(&d, "Ana Lima", "found", "Acme");
    has(&d, "Rui Costa", "found", "Acme");
    assert!(
        triples(&d).iter().all(|(s, _, _)| s != "two engineers"),
        "{:?}",
        triples(&d)
    );
}

#[test]
fn a_description_with_the_name_it_goes_by_is_the_name() {
    // "An armed group known as the Coastal Brigades attacked the town ."
    let d = doc("An/DET/DT/a/3/det armed/ADJ/JJ/armed/3/amod group/NOUN/NN/group/9/nsubj known/VERB/VBN/know/3/acl as/ADP/IN/as/8/case the/DET/DT/the/8/det Coastal/PROPN/NNP/Coastal/8/compound Brigades/PROPN/NNPS/Brigades/4/obl attacked/VERB/VBD/attack/0/root the/DET/DT/the/11/det town/NOUN/NN/town/9/obj ./PUNCT/././9/punct", &[(6, 8, ORG)]);
    has(&d, "Coastal Brigades", "attack", "town");
    // The naming itself stays the group's: the Coastal Brigades are an armed group.
    has(&d, "Coastal Brigades", "be", "armed group");
}

#[test]
fn a_link_noun_before_a_name_joins_the_relation() {
    // "Kattegat Energi owns 30 percent of Noordzee Waterstof ."
    let d = doc("Kattegat/PROPN/NNP/Kattegat/2/compound Energi/PROPN/NNP/Energi/3/nsubj owns/VERB/VBZ/own/0/root 30/NUM/CD/30/5/nummod percent/NOUN/NN/percent/3/obj of/ADP/IN/of/8/case Noordzee/PROPN/NNP/Noordzee/8/compound Waterstof/PROPN/NNP/Waterstof/5/nmod ./PUNCT/././3/punct", &[(0, 2, ORG), (6, 8, ORG)]);
    has(
        &d,
        "Kattegat Energi",
        "own percent of",
        "Noordzee Waterstof",
    );
    // A change measured in percent keeps its place a place: "fell 6 percent in Tokyo".
    let d = doc("Shares/NOUN/NNS/share/2/nsubj fell/VERB/VBD/fall/0/root 6/NUM/CD/6/4/nummod percent/NOUN/NN/percent/2/obj in/ADP/IN/in/6/case Tokyo/PROPN/NNP/Tokyo/4/nmod ./PUNCT/././2/punct", &[(5, 6, LOC)]);
    assert!(
        triples(&d)
            .iter()
            .all(|(_, r, _)| !r.contains("percent in")),
        "{:?}",
        triples(&d)
    );
}

#[test]
fn an_adjective_state_is_the_relation_but_a_degree_keeps_its_words() {
    // "Pakia is not yet profitable ."
    let d = doc("Pakia/PROPN/NNP/Pakia/5/nsubj is/AUX/VBZ/be/5/cop not/PART/RB/not/5/advmod yet/ADV/RB/yet/5/advmod profitable/ADJ/JJ/profitable/0/root ./PUNCT/././5/punct", &[(0, 1, ORG)]);
    let s = has(&d, "Pakia", "be profitable", "");
    assert!(s.negated);
    // With a clause coordinated with it: "Pakia is profitable and expects to grow ."
    let d = doc("Pakia/PROPN/NNP/Pakia/3/nsubj is/AUX/VBZ/be/3/cop profitable/ADJ/JJ/profitable/0/root and/CCONJ/CC/and/5/cc expects/VERB/VBZ/expect/3/conj to/PART/TO/to/7/mark grow/VERB/VB/grow/5/xcomp ./PUNCT/././3/punct", &[(0, 1, ORG)]);
    has(&d, "Pakia", "be profitable", "");
    // "Housing is more scarce ."
    let d = doc("Housing/NOUN/NN/housing/4/nsubj is/AUX/VBZ/be/4/cop more/ADV/RBR/more/4/advmod scarce/ADJ/JJ/scarce/0/root ./PUNCT/././4/punct", &[]);
    has(&d, "Housing", "be", "more scarce");
}

#[test]
fn a_part_of_a_group_is_a_concept_that_can_be_a_subject() {
    // "Nine of the dead were police officers ."
    let d = doc("Nine/NUM/CD/nine/6/nsubj of/ADP/IN/of/4/case the/DET/DT/the/4/det dead/ADJ/JJ/dead/1/nmod were/AUX/VBD/be/6/cop officers/NOUN/NNS/officer/0/root ./PUNCT/././6/punct", &[]);
    let s = has(&d, "nine of the dead", "be", "officers");
    assert_eq!(s.subject.kind, ArgumentKind::Concept);
}

#[test]
fn the_place_and_time_of_the_event_an_argument_was_at_are_the_statements() {
    // "Bennani handed her the award at a ceremony in Alexandria on Friday ."
    let d = doc("Bennani/PROPN/NNP/Bennani/2/nsubj handed/VERB/VBD/hand/0/root her/PRON/PRP/she/2/iobj the/DET/DT/the/5/det award/NOUN/NN/award/2/obj at/ADP/IN/at/8/case a/DET/DT/a/8/det ceremony/NOUN/NN/ceremony/5/nmod in/ADP/IN/in/10/case Alexandria/PROPN/NNP/Alexandria/8/nmod on/ADP/IN/on/12/case Friday/PROPN/NNP/Friday/8/nmod ./PUNCT/././2/punct", &[(0, 1, PER), (9, 10, LOC)]);
    let s = has(&d, "Bennani", "hand", "award");
    let quals: Vec<(Role, &str)> = s
        .qualifiers
        .iter()
        .map(|q| (q.role, q.value.text.as_str()))
        .collect();
    assert!(quals.contains(&(Role::Location, "Alexandria")), "{quals:?}");
    assert!(quals.contains(&(Role::Time, "Friday")), "{quals:?}");
    // "in a friendly in Rabat", the event an adjective.
    let d = doc("Morocco/PROPN/NNP/Morocco/2/nsubj beat/VERB/VBD/beat/0/root Senegal/PROPN/NNP/Senegal/2/obj in/ADP/IN/in/6/case a/DET/DT/a/6/det friendly/ADJ/JJ/friendly/2/obl in/ADP/IN/in/8/case Rabat/PROPN/NNP/Rabat/6/obl ./PUNCT/././2/punct", &[(0, 1, LOC), (2, 3, LOC), (7, 8, LOC)]);
    let s = has(&d, "Morocco", "beat", "Senegal");
    assert!(
        s.qualifiers
            .iter()
            .any(|q| q.role == Role::Location && q.value.text == "Rabat"),
        "{:?}",
        s.qualifiers
    );
}

#[test]
fn the_dead_are_people_a_statement_can_be_about() {
    // "The dead included four guards ."
    let d = doc("The/DET/DT/the/2/det dead/ADJ/JJ/dead/3/nsubj included/VERB/VBD/include/0/root four/NUM/CD/four/5/nummod guards/NOUN/NNS/guard/3/obj ./PUNCT/././3/punct", &[]);
    let s = has(&d, "the dead", "include", "four guards");
    assert_eq!(s.subject.kind, ArgumentKind::Concept);
}

#[test]
fn the_place_of_a_place_like_phrase_is_where() {
    // "A team found frogs in the mountains of northern Vietnam ."
    let d = doc("A/DET/DT/a/2/det team/NOUN/NN/team/3/nsubj found/VERB/VBD/find/0/root frogs/NOUN/NNS/frog/3/obj in/ADP/IN/in/7/case the/DET/DT/the/7/det mountains/NOUN/NNS/mountain/3/obl of/ADP/IN/of/10/case northern/ADJ/JJ/northern/10/amod Vietnam/PROPN/NNP/Vietnam/7/nmod ./PUNCT/././3/punct", &[(9, 10, LOC)]);
    let s = has(&d, "team", "find", "frogs");
    assert!(
        s.qualifiers
            .iter()
            .any(|q| q.role == Role::Location && q.value.text == "Vietnam"),
        "{:?}",
        s.qualifiers
    );
    // Not the country an organisation is of: "the Internal Revenue Service of the United States".
    let d = doc("The/DET/DT/the/2/det service/NOUN/NN/service/6/nsubj of/ADP/IN/of/4/case Ruritania/PROPN/NNP/Ruritania/2/nmod will/AUX/MD/will/6/aux help/VERB/VB/help/0/root us/PRON/PRP/we/6/obj ./PUNCT/././6/punct", &[(3, 4, LOC)]);
    assert!(extract(&d)
        .iter()
        .all(|s| s.qualifiers.iter().all(|q| q.role != Role::Location)));
}

#[test]
fn where_a_light_verb_happened_is_no_link() {
    // "They held a meeting in Paris ."
    let d = doc("They/PRON/PRP/they/2/nsubj held/VERB/VBD/hold/0/root a/DET/DT/a/4/det meeting/NOUN/NN/meeting/2/obj in/ADP/IN/in/6/case Paris/PROPN/NNP/Paris/4/nmod ./PUNCT/././2/punct", &[(5, 6, LOC)]);
    assert!(
        triples(&d).iter().all(|(_, r, _)| r != "hold meeting in"),
        "{:?}",
        triples(&d)
    );
}

#[test]
fn people_suspected_of_doing_something_are_its_doers() {
    // "Police arrested 17 people suspected of running call centres ."
    let d = doc("Police/NOUN/NNS/police/2/nsubj arrested/VERB/VBD/arrest/0/root 17/NUM/CD/17/4/nummod people/NOUN/NNS/people/2/obj suspected/VERB/VBN/suspect/4/acl of/SCONJ/IN/of/7/mark running/VERB/VBG/run/5/advcl call/NOUN/NN/call/9/compound centres/NOUN/NNS/centre/7/obj ./PUNCT/././2/punct", &[]);
    let s = has(&d, "17 people", "run", "call centres");
    assert_ne!(s.modality, crate::statement::Modality::Asserted);
}

#[test]
fn the_first_to_do_something_does_it() {
    // "Quispe is the first woman to govern the region ."
    let d = doc("Quispe/PROPN/NNP/Quispe/5/nsubj is/AUX/VBZ/be/5/cop the/DET/DT/the/5/det first/ADJ/JJ/first/5/amod woman/NOUN/NN/woman/0/root to/PART/TO/to/7/mark govern/VERB/VB/govern/5/acl the/DET/DT/the/9/det region/NOUN/NN/region/7/obj ./PUNCT/././5/punct", &[(0, 1, PER)]);
    has(&d, "Quispe", "govern", "region");
    // The woman she is stays the first to govern it.
    let s = has(&d, "Quispe", "be", "first woman");
    assert_eq!(
        s.object.unwrap().full_text,
        "the first woman to govern the region"
    );
}

#[test]
fn the_second_act_asked_for_is_requested_too() {
    // "The IMF asked Malawi to stop subsidies and to cut spending ."
    let d = doc("The/DET/DT/the/2/det IMF/PROPN/NNP/IMF/3/nsubj asked/VERB/VBD/ask/0/root Malawi/PROPN/NNP/Malawi/3/iobj to/PART/TO/to/6/mark stop/VERB/VB/stop/3/xcomp subsidies/NOUN/NNS/subsidy/6/obj and/CCONJ/CC/and/10/cc to/PART/TO/to/10/mark cut/VERB/VB/cut/6/conj spending/NOUN/NN/spending/10/obj ./PUNCT/././3/punct", &[(1, 2, ORG), (3, 4, LOC)]);
    let s = has(&d, "Malawi", "cut", "spending");
    assert_eq!(s.modality, crate::statement::Modality::Requested);
}

#[test]
fn a_time_read_as_the_object_is_when() {
    // "Prices rose Wednesday ." with "Wednesday" the parser's object.
    let d = doc("Prices/NOUN/NNS/price/2/nsubj rose/VERB/VBD/rise/0/root Wednesday/PROPN/NNP/Wednesday/2/obj ./PUNCT/././2/punct", &[]);
    let s = has(&d, "Prices", "rise", "");
    assert!(
        s.qualifiers.iter().any(|q| q.role == Role::Time),
        "{:?}",
        s.qualifiers
    );
    // "spent Wednesday in prayer": time is what is spent.
    let d = doc("They/PRON/PRP/they/2/nsubj spent/VERB/VBD/spend/0/root Wednesday/PROPN/NNP/Wednesday/2/obj ./PUNCT/././2/punct", &[]);
    has(&d, "They", "spend", "Wednesday");
}

#[test]
fn the_day_of_the_event_a_clause_is_for_is_its_time() {
    // "Barreiros will take charge for Saturday 's match ."
    let d = doc("Barreiros/PROPN/NNP/Barreiros/3/nsubj will/AUX/MD/will/3/aux take/VERB/VB/take/0/root charge/NOUN/NN/charge/3/obj for/ADP/IN/for/8/case Saturday/PROPN/NNP/Saturday/8/nmod:poss 's/PART/POS/'s/6/case match/NOUN/NN/match/4/nmod ./PUNCT/././3/punct", &[(0, 1, PER)]);
    let s = has(&d, "Barreiros", "take charge for", "Saturday's match");
    assert!(
        s.qualifiers
            .iter()
            .any(|q| q.role == Role::Time && q.value.text == "Saturday"),
        "{:?}",
        s.qualifiers
    );
}

#[test]
fn where_a_clause_happened_is_no_object_of_it() {
    // "37 fishermen were held in Kisumu ."
    let d = doc("37/NUM/CD/37/2/nummod fishermen/NOUN/NNS/fisherman/4/nsubj:pass were/AUX/VBD/be/4/aux:pass held/VERB/VBN/hold/0/root in/ADP/IN/in/6/case Kisumu/PROPN/NNP/Kisumu/4/obl ./PUNCT/././4/punct", &[(5, 6, LOC)]);
    let s = has(&d, "37 fishermen", "be held", "");
    assert!(s
        .qualifiers
        .iter()
        .any(|q| q.role == Role::Location && q.value.text == "Kisumu"));
    // A verb of motion goes there: "arrived at Vostochny".
    let d = doc("Kim/PROPN/NNP/Kim/2/nsubj arrived/VERB/VBD/arrive/0/root at/ADP/IN/at/4/case Vostochny/PROPN/NNP/Vostochny/2/obl ./PUNCT/././2/punct", &[(0, 1, PER), (3, 4, LOC)]);
    has(&d, "Kim", "arrive at", "Vostochny");
}

#[test]
fn a_rank_is_what_a_thing_is_not_an_office() {
    // "Hoshida Motors , Japan 's fourth-largest carmaker , reported a loss ."
    let d = doc("Hoshida/PROPN/NNP/Hoshida/2/compound Motors/PROPN/NNP/Motors/9/nsubj ,/PUNCT/,/,/7/punct Japan/PROPN/NNP/Japan/7/nmod:poss 's/PART/POS/'s/4/case fourth-largest/ADJ/JJ/fourth-largest/7/amod carmaker/NOUN/NN/carmaker/2/appos ,/PUNCT/,/,/7/punct reported/VERB/VBD/report/0/root a/DET/DT/a/11/det loss/NOUN/NN/loss/9/obj ./PUNCT/././9/punct", &[(0, 2, ORG), (3, 4, LOC)]);
    assert!(
        triples(&d).iter().all(|(_, r, _)| !r.ends_with(" of")),
        "{:?}",
        triples(&d)
    );
}

#[test]
fn a_common_noun_holds_no_role() {
    let d = doc("They/PRON/PRP/they/2/nsubj signed/VERB/VBD/sign/0/root an/DET/DT/a/4/det agreement/NOUN/NN/agreement/2/obj ,/PUNCT/,/,/8/punct the/DET/DT/the/7/det museum/NOUN/NN/museum/8/nmod:poss director/NOUN/NN/director/4/appos ./PUNCT/././2/punct", &[]);
    assert!(
        triples(&d)
            .iter()
            .all(|(_, r, o)| r != "director of" && !o.contains("director")),
        "{:?}",
        triples(&d)
    );
}

#[test]
fn coordinated_names_read_as_appositions_do_not_share_a_title() {
    // The parser made both names appositions of "leader"; only the adjacent one is.
    let d = doc("Officials/NOUN/NNS/official/2/nsubj criticised/VERB/VBD/criticise/0/root a/DET/DT/a/4/det meeting/NOUN/NN/meeting/2/obj between/ADP/IN/between/7/case Canadian/ADJ/JJ/Canadian/7/amod leader/NOUN/NN/leader/4/nmod Anna/PROPN/NNP/Anna/7/appos Berg/PROPN/NNP/Berg/8/flat and/CCONJ/CC/and/13/cc French/ADJ/JJ/French/12/amod President/PROPN/NNP/President/13/compound Luc/PROPN/NNP/Luc/7/appos Martin/PROPN/NNP/Martin/13/flat ./PUNCT/././2/punct", &[(7, 9, PER), (12, 14, PER)]);
    let all = triples(&d);
    assert!(
        all.iter()
            .any(|(s, _, o)| s == "Anna Berg" && o.contains("leader")),
        "{all:?}"
    );
    assert!(
        all.iter()
            .all(|(s, r, o)| s != "Luc Martin" || !(r.contains("leader") || o.contains("leader"))),
        "{all:?}"
    );
}

#[test]
fn a_that_clause_after_a_name_in_a_phrase_is_about_the_phrase_s_noun() {
    // "Critics attacked the deal with Ana Ruiz that raised prices."
    let tree = "Critics/NOUN/NNS/critic/2/nsubj attacked/VERB/VBD/attack/0/root the/DET/DT/the/4/det deal/NOUN/NN/deal/2/obj with/ADP/IN/with/7/case Ana/PROPN/NNP/Ana/7/compound Ruiz/PROPN/NNP/Ruiz/4/nmod that/PRON/WDT/that/9/nsubj raised/VERB/VBD/raise/7/acl:relcl prices/NOUN/NNS/price/9/obj ./PUNCT/././2/punct";
    let d = doc(tree, &[(5, 7, PER)]);
    has(&d, "deal", "raise", "prices");
    assert!(
        triples(&d).iter().all(|(s, _, _)| s != "Ana Ruiz"),
        "{:?}",
        triples(&d)
    );
    // "who" stays with the person.
    let d = doc(
        &tree.replace("that/PRON/WDT/that", "who/PRON/WP/who"),
        &[(5, 7, PER)],
    );
    has(&d, "Ana Ruiz", "raise", "prices");
    // The same when the parser hangs the name under the preposition.
    let d = doc("Critics/NOUN/NNS/critic/2/nsubj attacked/VERB/VBD/attack/0/root the/DET/DT/the/4/det deal/NOUN/NN/deal/2/obj with/ADP/IN/with/4/nmod Ana/PROPN/NNP/Ana/7/compound Ruiz/PROPN/NNP/Ruiz/5/obl that/PRON/WDT/that/9/nsubj raised/VERB/VBD/raise/7/acl:relcl prices/NOUN/NNS/price/9/obj ./PUNCT/././2/punct", &[(5, 7, PER)]);
    has(&d, "deal", "raise", "prices");
    // Nor is the name left as the object of a clause without one.
    let d = doc("Critics/NOUN/NNS/critic/2/nsubj attacked/VERB/VBD/attack/0/root the/DET/DT/the/4/det deal/NOUN/NN/deal/2/obj with/ADP/IN/with/7/case Ana/PROPN/NNP/Ana/7/compound Ruiz/PROPN/NNP/Ruiz/4/nmod that/PRON/WDT/that/9/nsubj focused/VERB/VBD/focus/7/acl:relcl on/ADP/IN/on/11/case prices/NOUN/NNS/price/9/obl ./PUNCT/././2/punct", &[(5, 7, PER)]);
    has(&d, "deal", "focus on", "prices");
    assert!(
        triples(&d)
            .iter()
            .all(|(s, _, o)| s != "Ana Ruiz" && o != "Ana Ruiz"),
        "{:?}",
        triples(&d)
    );
}

#[test]
fn a_complex_preposition_keeps_its_adverb() {
    let d = doc("Ana/PROPN/NNP/Ana/2/nsubj finished/VERB/VBD/finish/0/root ahead/ADV/RB/ahead/2/advmod of/ADP/IN/of/5/case Tom/PROPN/NNP/Tom/2/obl ./PUNCT/././2/punct", &[(0, 1, PER), (4, 5, PER)]);
    has(&d, "Ana", "finish ahead of", "Tom");
    // An adverb that forms no preposition with it stays out: "spoke quickly to".
    let d = doc("Ana/PROPN/NNP/Ana/2/nsubj spoke/VERB/VBD/speak/0/root quickly/ADV/RB/quickly/2/advmod to/ADP/IN/to/5/case Tom/PROPN/NNP/Tom/2/obl ./PUNCT/././2/punct", &[(0, 1, PER), (4, 5, PER)]);
    has(&d, "Ana", "speak to", "Tom");
}

#[test]
fn a_title_parsed_as_a_second_subject_is_not_one() {
    let d = doc("Transport/PROPN/NNP/Transport/2/compound minister/NOUN/NN/minister/5/nsubj Rosa/PROPN/NNP/Rosa/5/nsubj Alves/PROPN/NNP/Alves/3/flat resigned/VERB/VBD/resign/0/root ./PUNCT/././5/punct", &[(2, 4, PER)]);
    has(&d, "Rosa Alves", "resign", "");
    assert!(
        triples(&d).iter().all(|(s, _, _)| !s.contains("minister")),
        "{:?}",
        triples(&d)
    );
}

#[test]
fn an_apposition_belongs_to_the_noun_before_its_comma() {
    // "The fair in the capital, Oslo, opened." with Oslo attached to "fair".
    let d = doc("The/DET/DT/the/2/det fair/NOUN/NN/fair/9/nsubj in/ADP/IN/in/5/case the/DET/DT/the/5/det capital/NOUN/NN/capital/2/nmod ,/PUNCT/,/,/7/punct Oslo/PROPN/NNP/Oslo/2/appos ,/PUNCT/,/,/7/punct opened/VERB/VBD/open/0/root ./PUNCT/././9/punct", &[(6, 7, LOC)]);
    has(&d, "Oslo", "be", "capital");
    assert!(
        triples(&d).iter().all(|(_, _, o)| o != "fair"),
        "{:?}",
        triples(&d)
    );
    // A noun in a clause on the head is no candidate: "a habit of sailing by boat, a
    // tradition" is about the habit.
    let d = doc("She/PRON/PRP/she/2/nsubj has/VERB/VBZ/have/0/root a/DET/DT/a/4/det habit/NOUN/NN/habit/2/obj of/SCONJ/IN/of/6/mark sailing/VERB/VBG/sail/4/acl by/ADP/IN/by/8/case boat/NOUN/NN/boat/6/obl ,/PUNCT/,/,/11/punct a/DET/DT/a/11/det tradition/NOUN/NN/tradition/4/appos ./PUNCT/././2/punct", &[]);
    has(&d, "habit", "be", "tradition");
    // Nor one in its noun phrase when neither is a name: the apposition may sum it all up.
    let d = doc("She/PRON/PRP/she/2/nsubj has/VERB/VBZ/have/0/root a/DET/DT/a/4/det habit/NOUN/NN/habit/2/obj of/ADP/IN/of/6/case travel/NOUN/NN/travel/4/nmod by/ADP/IN/by/8/case boat/NOUN/NN/boat/4/nmod ,/PUNCT/,/,/11/punct a/DET/DT/a/11/det tradition/NOUN/NN/tradition/4/appos ./PUNCT/././2/punct", &[]);
    has(&d, "habit of travel", "be", "tradition");
}

#[test]
fn a_place_and_time_hung_on_the_agent_are_the_clauses() {
    // "Kim was greeted by Putin at the Cosmodrome on Wednesday", as the parser read it.
    let d = doc("Kim/PROPN/NNP/Kim/3/nsubj:pass was/AUX/VBD/be/3/aux:pass greeted/VERB/VBN/greet/0/root by/ADP/IN/by/5/case Putin/PROPN/NNP/Putin/3/obl:agent at/ADP/IN/at/8/case the/DET/DT/the/8/det Cosmodrome/PROPN/NNP/Cosmodrome/5/nmod on/ADP/IN/on/10/case Wednesday/PROPN/NNP/Wednesday/8/nmod ./PUNCT/././3/punct", &[(0, 1, PER), (4, 5, PER), (7, 8, EntityType::Place)]);
    let st = extract(&d)
        .into_iter()
        .find(|s| s.relation.lemma == "greet")
        .expect("a greeting");
    assert_eq!(st.subject.text, "Putin");
    let roles: Vec<_> = st
        .qualifiers
        .iter()
        .map(|q| (q.role, q.value.text.as_str()))
        .collect();
    assert!(roles.contains(&(Role::Location, "Cosmodrome")), "{roles:?}");
    assert!(roles.iter().any(|(r, _)| *r == Role::Time), "{roles:?}");
}

#[test]
fn the_place_of_an_unnamed_agent_is_the_agents() {
    // "Prices were raised by the war in Ukraine": Ukraine is where the war is.
    let d = doc("Prices/NOUN/NNS/price/3/nsubj:pass were/AUX/VBD/be/3/aux:pass raised/VERB/VBN/raise/0/root by/ADP/IN/by/6/case the/DET/DT/the/6/det war/NOUN/NN/war/3/obl:agent in/ADP/IN/in/8/case Ukraine/PROPN/NNP/Ukraine/6/nmod", &[(7, 8, EntityType::Place)]);
    let st = extract(&d)
        .into_iter()
        .find(|s| s.relation.lemma == "raise")
        .expect("a statement");
    // The doer's phrase without its "by".
    assert_eq!(st.subject.full_text, "the war in Ukraine");
    assert!(
        st.qualifiers.iter().all(|q| q.role != Role::Location),
        "{:?}",
        st.qualifiers
    );
}

#[test]
fn names_in_a_prepositional_phrase_are_no_subject_pair() {
    // "Talks between President Putin and leader Kim ended", with "Kim" a second subject.
    let d = doc("Talks/NOUN/NNS/talk/9/nsubj between/ADP/IN/between/4/case President/PROPN/NNP/President/4/nmod:desc Putin/PROPN/NNP/Putin/1/nmod and/CCONJ/CC/and/8/cc Korean/PROPN/NNP/Korean/7/compound leader/NOUN/NN/leader/8/nmod:desc Kim/PROPN/NNP/Kim/9/nsubj ended/VERB/VBD/end/0/root", &[(3, 4, PER), (7, 8, PER)]);
    let subjects: Vec<_> = extract(&d)
        .into_iter()
        .filter(|s| s.relation.lemma == "end")
        .map(|s| s.subject.text)
        .collect();
    assert!(!subjects.contains(&"Putin".to_string()), "{subjects:?}");
}

#[test]
fn a_titled_pair_whose_first_name_is_no_subject_is_the_subject() {
    // "Secretary Blinken and Minister Wang Yi met in Bali": "Blinken" an unmarked oblique,
    // "Wang" its conjunct, "Yi" the subject.
    let d = doc("Secretary/PROPN/NNP/Secretary/8/nsubj Antony/PROPN/NNP/Antony/3/compound Blinken/PROPN/NNP/Blinken/8/obl:unmarked and/CCONJ/CC/and/6/cc Minister/PROPN/NNP/Minister/6/compound Wang/NOUN/NN/wang/3/conj Yi/PROPN/NNP/Yi/8/nsubj met/VERB/VBD/meet/0/root in/ADP/IN/in/10/case Bali/PROPN/NNP/Bali/8/obl ./PUNCT/././8/punct", &[(1, 3, PER), (5, 7, PER), (9, 10, EntityType::Place)]);
    let st = extract(&d)
        .into_iter()
        .find(|s| s.relation.lemma.starts_with("meet"))
        .expect("a meeting");
    assert_eq!(
        (
            st.subject.text.as_str(),
            st.object.as_ref().map(|o| o.text.as_str())
        ),
        ("Antony Blinken", Some("Wang Yi"))
    );
    // The names are not also qualifiers of their own meeting.
    assert!(
        st.qualifiers.iter().all(|q| q.role != Role::Other),
        "{:?}",
        st.qualifiers
    );
}

#[test]
fn a_titled_pair_read_as_two_subjects_is_one_coordinated_subject() {
    // The parser's reading: both names subjects of "met", "Putin" a compound of "leader".
    let d = doc("Russian/ADJ/JJ/Russian/12/mark President/PROPN/NNP/President/3/nmod:desc Vladimir/PROPN/NNP/Vladimir/12/nsubj Putin/PROPN/NNP/Putin/8/compound and/CCONJ/CC/and/7/cc North/PROPN/NNP/North/7/compound Korean/PROPN/NNP/Korean/4/conj leader/NOUN/NN/leader/9/nmod:desc Kim/PROPN/NNP/Kim/12/nsubj Jong/PROPN/NNP/Jong/9/flat Un/PROPN/NNP/Un/9/flat met/VERB/VBD/meet/0/root at/ADP/IN/at/14/case Vostochny/PROPN/NNP/Vostochny/12/obl ./PUNCT/././12/punct", &[(0, 1, EntityType::Other), (2, 4, PER), (5, 7, EntityType::Other), (8, 11, PER), (13, 14, EntityType::Place)]);
    let met: Vec<_> = extract(&d)
        .into_iter()
        .filter(|s| s.relation.lemma.starts_with("meet"))
        .map(|s| (s.subject.text, s.object.map(|o| o.text)))
        .collect();
    assert!(
        met.contains(&("Vladimir Putin".into(), Some("Kim Jong Un".into()))),
        "{met:?}"
    );
}

#[test]
fn coordinated_titled_subjects_are_read_off_the_mentions() {
    // The parser's reading: the adjective "Danish" a conjunct of "Berg", and "Lars" a list
    // item of "Eva".
    let d = doc("Swedish/ADJ/JJ/Swedish/4/amod Prime/PROPN/NNP/Prime/3/compound Minister/PROPN/NNP/Minister/4/nmod:desc Eva/PROPN/NNP/Eva/11/nsubj Berg/PROPN/NNP/Berg/4/flat and/CCONJ/CC/and/7/cc Danish/ADJ/JJ/Danish/5/conj Premier/PROPN/NNP/Premier/9/nmod:desc Lars/PROPN/NNP/Lars/4/list Holm/PROPN/NNP/Holm/9/flat convened/VERB/VBD/convene/0/root at/ADP/IN/at/14/case a/DET/DT/a/14/det castle/NOUN/NN/castle/11/obl ./PUNCT/././11/punct", &[(0, 1, EntityType::Other), (3, 5, PER), (6, 7, EntityType::Other), (8, 10, PER)]);
    let met: Vec<_> = extract(&d)
        .into_iter()
        .filter(|s| s.relation.lemma.starts_with("convene"))
        .map(|s| (s.subject.text, s.object.map(|o| o.text)))
        .collect();
    assert!(
        met.contains(&("Eva Berg".into(), Some("Lars Holm".into()))),
        "{met:?}"
    );
    assert!(
        met.iter().all(|(_, o)| o.as_deref() != Some("Danish")),
        "{met:?}"
    );
}

#[test]
fn a_gap_before_a_past_event_is_not_its_time() {
    // "their first talks in six years": in a noun phrase, and on the verb.
    for tree in [
        "The/DET/DT/the/2/det rivals/NOUN/NNS/rival/3/nsubj held/VERB/VBD/hold/0/root their/PRON/PRP$/their/6/nmod:poss first/ADJ/JJ/first/6/amod talks/NOUN/NNS/talk/3/obj in/ADP/IN/in/9/case six/NUM/CD/six/9/nummod years/NOUN/NNS/year/6/nmod ./PUNCT/././3/punct",
        "The/DET/DT/the/2/det rivals/NOUN/NNS/rival/3/nsubj held/VERB/VBD/hold/0/root their/PRON/PRP$/their/6/nmod:poss first/ADJ/JJ/first/6/amod talks/NOUN/NNS/talk/3/obj in/ADP/IN/in/9/case six/NUM/CD/six/9/nummod years/NOUN/NNS/year/3/obl ./PUNCT/././3/punct",
    ] {
        let s = has(&doc(tree, &[]), "rivals", "hold", "first talks");
        assert!(
            s.qualifiers.iter().all(|q| q.role != Role::Time),
            "{:?}",
            s.qualifiers
        );
    }
    // A future one is: "will finish in six years".
    let d = doc("Crews/NOUN/NNS/crew/3/nsubj will/AUX/MD/will/3/aux finish/VERB/VB/finish/0/root the/DET/DT/the/5/det bridge/NOUN/NN/bridge/3/obj in/ADP/IN/in/8/case six/NUM/CD/six/8/nummod years/NOUN/NNS/year/3/obl ./PUNCT/././3/punct", &[]);
    let s = has(&d, "Crews", "finish", "bridge");
    assert!(
        s.qualifiers.iter().any(|q| q.role == Role::Time),
        "{:?}",
        s.qualifiers
    );
}

#[test]
fn a_place_hung_on_a_name_is_where_the_clause_goes() {
    // "to Lisbon" under "Tom", whom the recogniser missed.
    let d = doc("Ana/PROPN/NNP/Ana/2/nsubj travelled/VERB/VBD/travel/0/root with/ADP/IN/with/4/case Tom/PROPN/NNP/Tom/2/obl to/ADP/IN/to/6/case Lisbon/PROPN/NNP/Lisbon/4/nmod ./PUNCT/././2/punct", &[(0, 1, PER), (5, 6, LOC)]);
    let s = has(&d, "Ana", "travel with", "Tom");
    assert!(
        s.qualifiers
            .iter()
            .any(|q| q.role == Role::Location && q.value.text == "Lisbon"),
        "{:?}",
        s.qualifiers
    );
    // A common noun keeps its own: "a road to Lisbon" says nothing of where one went.
    let d = doc("Ana/PROPN/NNP/Ana/2/nsubj built/VERB/VBD/build/0/root a/DET/DT/a/4/det road/NOUN/NN/road/2/obj to/ADP/IN/to/6/case Lisbon/PROPN/NNP/Lisbon/4/nmod ./PUNCT/././2/punct", &[(0, 1, PER), (5, 6, LOC)]);
    let s = has(&d, "Ana", "build", "road");
    assert!(
        s.qualifiers.iter().all(|q| q.role != Role::Location),
        "{:?}",
        s.qualifiers
    );
}

#[test]
fn an_infinitive_after_a_verb_of_making_is_its_objects_act() {
    // "Floods forced villagers to leave", with the infinitive parsed as an adverbial clause.
    let d = doc("Floods/NOUN/NNS/flood/2/nsubj forced/VERB/VBD/force/0/root villagers/NOUN/NNS/villager/2/obj to/PART/TO/to/5/mark leave/VERB/VB/leave/2/advcl ./PUNCT/././2/punct", &[]);
    has(&d, "villagers", "leave", "");
    // A purpose keeps the governor's subject: "Crews closed roads to save time".
    let d = doc("Crews/NOUN/NNS/crew/2/nsubj closed/VERB/VBD/close/0/root roads/NOUN/NNS/road/2/obj to/PART/TO/to/5/mark save/VERB/VB/save/2/advcl time/NOUN/NN/time/5/obj ./PUNCT/././2/punct", &[]);
    has(&d, "Crews", "save", "time");
}

#[test]
fn the_city_of_a_name_is_that_place() {
    // A place mention, and a proper noun the recogniser missed.
    let d = doc("Rockets/NOUN/NNS/rocket/2/nsubj hit/VERB/VBD/hit/0/root the/DET/DT/the/5/det port/NOUN/NN/port/5/compound city/NOUN/NN/city/2/obj of/ADP/IN/of/7/case Vardo/PROPN/NNP/Vardo/5/nmod ./PUNCT/././2/punct", &[]);
    let s = has(&d, "Rockets", "hit", "Vardo");
    assert_eq!(s.object.unwrap().kind, ArgumentKind::Entity(LOC));
    let d = doc("Floods/NOUN/NNS/flood/2/nsubj struck/VERB/VBD/strike/0/root the/DET/DT/the/4/det island/NOUN/NN/island/2/obj of/ADP/IN/of/6/case Mindanao/PROPN/NNP/Mindanao/4/nmod ./PUNCT/././2/punct", &[(5, 6, LOC)]);
    has(&d, "Floods", "strike", "Mindanao");
    // Not the capital of a country.
    let d = doc("Ana/PROPN/NNP/Ana/2/nsubj left/VERB/VBD/leave/0/root the/DET/DT/the/4/det capital/NOUN/NN/capital/2/obj of/ADP/IN/of/6/case Norway/PROPN/NNP/Norway/4/nmod on/ADP/IN/on/8/case Friday/PROPN/NNP/Friday/2/obl ./PUNCT/././2/punct", &[(0, 1, PER), (5, 6, LOC)]);
    let s = has(&d, "Ana", "leave", "capital of Norway");
    assert_eq!(s.object.unwrap().kind, ArgumentKind::Concept);
    // Not a common noun after "of".
    let d = doc("Rockets/NOUN/NNS/rocket/2/nsubj hit/VERB/VBD/hit/0/root the/DET/DT/the/4/det city/NOUN/NN/city/2/obj of/ADP/IN/of/6/case dreams/NOUN/NNS/dream/4/nmod ./PUNCT/././2/punct", &[]);
    // (the noun with its kind, a concept).
    let s = has(&d, "Rockets", "hit", "city of dreams");
    assert_eq!(s.object.unwrap().kind, ArgumentKind::Concept);
}

#[test]
fn the_national_is_a_person_not_the_country() {
    let d = doc("The/DET/DT/the/2/det Chilean/PROPN/NNP/Chilean/3/nsubj won/VERB/VBD/win/0/root the/DET/DT/the/5/det race/NOUN/NN/race/3/obj ./PUNCT/././3/punct", &[(1, 2, EntityType::Other)]);
    let s = has(&d, "Chilean", "win", "race");
    assert_eq!(s.subject.kind, ArgumentKind::Unresolved);
    // The people of a country, or a nationality without the article, stay the country's.
    let d = doc("The/DET/DT/the/2/det Chileans/PROPN/NNPS/Chilean/3/nsubj won/VERB/VBD/win/0/root the/DET/DT/the/5/det race/NOUN/NN/race/3/obj ./PUNCT/././3/punct", &[(1, 2, EntityType::Other)]);
    let s = has(&d, "Chileans", "win", "race");
    assert_eq!(s.subject.kind, ArgumentKind::Entity(EntityType::Other));
}

#[test]
fn a_nationality_heading_a_name_gives_way_to_the_name() {
    // The parser made the demonym head of "Brazilian Senator Ana Lima".
    let d = doc("Brazilian/PROPN/NNP/Brazilian/5/nsubj Senator/PROPN/NNP/Senator/1/flat Ana/PROPN/NNP/Ana/1/flat Lima/PROPN/NNP/Lima/3/flat visited/VERB/VBD/visit/0/root a/DET/DT/a/7/det factory/NOUN/NN/factory/5/obj ./PUNCT/././5/punct", &[(0, 1, EntityType::Other), (2, 4, PER)]);
    let s = has(&d, "Ana Lima", "visit", "factory");
    assert_eq!(s.subject.kind, ArgumentKind::Entity(PER));
    // A nationality alone stays what it was.
    let d = doc(
        "Brazilians/PROPN/NNPS/Brazilian/2/nsubj voted/VERB/VBD/vote/0/root ./PUNCT/././2/punct",
        &[(0, 1, EntityType::Other)],
    );
    let s = has(&d, "Brazilians", "vote", "");
    assert_eq!(s.subject.kind, ArgumentKind::Entity(EntityType::Other));
}

#[test]
fn a_title_heading_its_name_gives_way_to_the_name() {
    let d = doc("Chief/PROPN/NNP/Chief/5/nsubj executive/ADJ/JJ/executive/3/amod Ana/PROPN/NNP/Ana/4/nmod:desc Ruiz/PROPN/NNP/Ruiz/1/flat resigned/VERB/VBD/resign/0/root ./PUNCT/././5/punct", &[(2, 4, PER)]);
    let s = has(&d, "Ana Ruiz", "resign", "");
    assert_eq!(s.subject.kind, ArgumentKind::Entity(PER));
}

#[test]
fn a_clause_opened_by_until_is_no_object() {
    let d = doc("The/DET/DT/the/2/det strike/NOUN/NN/strike/4/nsubj will/AUX/MD/will/4/aux continue/VERB/VB/continue/0/root until/SCONJ/IN/until/7/mark owners/NOUN/NNS/owner/7/nsubj pay/VERB/VBP/pay/4/ccomp more/ADJ/JJR/more/7/obj ./PUNCT/././4/punct", &[]);
    has(&d, "strike", "continue", "");
    has(&d, "owners", "pay", "more");
}

#[test]
fn a_subject_set_off_as_a_person_is_that_person() {
    let d = doc("The/DET/DT/the/2/det mayor/NOUN/NN/mayor/7/nsubj ,/PUNCT/,/,/4/punct Ana/PROPN/NNP/Ana/2/appos Ruiz/PROPN/NNP/Ruiz/4/flat ,/PUNCT/,/,/2/punct opened/VERB/VBD/open/0/root the/DET/DT/the/9/det bridge/NOUN/NN/bridge/7/obj ./PUNCT/././7/punct", &[(3, 5, PER)]);
    has(&d, "Ana Ruiz", "open", "bridge");
    has(&d, "Ana Ruiz", "be", "mayor");
    assert!(
        triples(&d).iter().all(|(s, _, _)| s != "mayor"),
        "{:?}",
        triples(&d)
    );
}

#[test]
fn a_piece_of_a_name_is_no_second_subject() {
    // "Doctors at the Bank of Lima Town have …" with "Town" cut off as a second subject.
    let d = doc("Doctors/NOUN/NNS/doctor/8/nsubj at/ADP/IN/at/4/case the/DET/DT/the/4/det University/PROPN/NNP/University/1/nmod of/ADP/IN/of/6/case Kings/PROPN/NNP/Kings/4/nmod Town/NOUN/NN/town/8/nsubj found/VERB/VBD/find/0/root a/DET/DT/a/10/det cure/NOUN/NN/cure/8/obj ./PUNCT/././8/punct", &[(3, 7, ORG)]);
    has(&d, "Doctors", "find", "cure");
    assert!(
        triples(&d)
            .iter()
            .all(|(s, _, _)| s != "University of Kings Town"),
        "{:?}",
        triples(&d)
    );
}

#[test]
fn of_several_subjects_the_nearest_is_the_subject() {
    // "Sales fell because rain in May hurt crops, farmers said" with four subjects of "said".
    let d = doc("Sales/NOUN/NNS/sale/2/nsubj fell/VERB/VBD/fall/0/root because/SCONJ/IN/because/11/mark rain/NOUN/NN/rain/11/nsubj in/ADP/IN/in/6/case May/PROPN/NNP/May/4/nmod hurt/PROPN/NNP/hurt/8/compound crops/NOUN/NNS/crop/11/nsubj ,/PUNCT/,/,/10/punct farmers/NOUN/NNS/farmer/11/nsubj said/VERB/VBD/say/2/advcl ./PUNCT/././2/punct", &[]);
    let all = triples(&d);
    assert!(
        all.iter().all(|(s, r, _)| r != "say" || s == "farmers"),
        "{all:?}"
    );
}

#[test]
fn a_light_verb_with_nothing_after_it_says_nothing() {
    // "Rosa Alves, who had won twice, retired." with "had" read as the relative clause's verb.
    let d = doc("Rosa/PROPN/NNP/Rosa/8/nsubj Alves/PROPN/NNP/Alves/1/flat ,/PUNCT/,/,/5/punct who/PRON/WP/who/5/nsubj had/VERB/VBD/have/1/acl:relcl won/VERB/VBN/win/8/parataxis twice/ADV/RB/twice/6/advmod retired/VERB/VBD/retire/0/root ./PUNCT/././8/punct", &[(0, 2, PER)]);
    has(&d, "Rosa Alves", "retire", "");
    assert!(
        triples(&d).iter().all(|(_, r, _)| r != "have"),
        "{:?}",
        triples(&d)
    );
}

#[test]
fn two_names_in_apposition_are_not_one_thing() {
    let d = doc("They/PRON/PRP/they/2/nsubj flew/VERB/VBD/fly/0/root to/ADP/IN/to/4/case Portland/PROPN/NNP/Portland/2/obl ,/PUNCT/,/,/6/punct Oregon/PROPN/NNP/Oregon/4/appos ./PUNCT/././2/punct", &[(3, 4, LOC), (5, 6, LOC)]);
    assert!(
        triples(&d).iter().all(|(_, r, _)| r != "be"),
        "{:?}",
        triples(&d)
    );
}

#[test]
fn an_apposition_is_set_off_by_a_comma() {
    let d = doc("Lena/PROPN/NNP/Lena/7/nsubj Holm/PROPN/NNP/Holm/1/flat ,/PUNCT/,/,/5/punct a/DET/DT/a/5/det chemist/NOUN/NN/chemist/1/appos ,/PUNCT/,/,/5/punct retired/VERB/VBD/retire/0/root ./PUNCT/././7/punct", &[(0, 2, PER)]);
    has(&d, "Lena Holm", "be", "chemist");
    // The same words without the commas: no apposition as written.
    let d = doc("Lena/PROPN/NNP/Lena/4/nsubj Holm/PROPN/NNP/Holm/1/flat chemist/NOUN/NN/chemist/1/appos retired/VERB/VBD/retire/0/root ./PUNCT/././4/punct", &[(0, 2, PER)]);
    assert!(
        triples(&d).iter().all(|(_, r, _)| r != "be"),
        "{:?}",
        triples(&d)
    );
}

#[test]
fn apposition_title_without_an_organisation_is_a_job_title() {
    let d = doc("Tom/PROPN/NNP/Tom/7/nsubj Reed/PROPN/NNP/Reed/1/flat ,/PUNCT/,/,/5/punct a/DET/DT/a/5/det spokesperson/NOUN/NN/spokesperson/1/appos ,/PUNCT/,/,/5/punct declined/VERB/VBD/decline/0/root ./PUNCT/././7/punct", &[(0, 2, PER)]);
    let s = has(&d, "Tom Reed", "be", "spokesperson");
    assert_eq!(
        s.object.unwrap().kind,
        ArgumentKind::Literal(crate::statement::Literal::Text)
    );
    // A description that is no title stays a concept.
    let d = doc("Lena/PROPN/NNP/Lena/7/nsubj Holm/PROPN/NNP/Holm/1/flat ,/PUNCT/,/,/5/punct a/DET/DT/a/5/det chemist/NOUN/NN/chemist/1/appos ,/PUNCT/,/,/5/punct retired/VERB/VBD/retire/0/root ./PUNCT/././7/punct", &[(0, 2, PER)]);
    let s = has(&d, "Lena Holm", "be", "chemist");
    assert_eq!(s.object.unwrap().kind, ArgumentKind::Concept);
}

#[test]
fn obliques_become_qualifiers_with_preposition_and_role() {
    let d = doc("Ana/PROPN/NNP/Ana/2/nsubj met/VERB/VBD/meet/0/root Tom/PROPN/NNP/Tom/2/obj at/ADP/IN/at/6/case the/DET/DT/the/6/det harbour/NOUN/NN/harbour/2/obl on/ADP/IN/on/8/case Monday/PROPN/NNP/Monday/2/obl about/ADP/IN/about/10/case trade/NOUN/NN/trade/2/obl ./PUNCT/././2/punct", &[(0, 1, PER), (2, 3, PER)]);
    let s = has(&d, "Ana", "meet", "Tom");
    let q: Vec<(Role, Option<&str>, &str)> = s
        .qualifiers
        .iter()
        .map(|q| (q.role, q.preposition.as_deref(), q.value.text.as_str()))
        .collect();
    assert_eq!(
        q,
        [
            (Role::Location, Some("at"), "harbour"),
            (Role::Time, Some("on"), "Monday"),
            (Role::Topic, Some("about"), "trade")
        ]
    );
}

#[test]
fn places_and_times_inside_an_argument_qualify_the_statement() {
    // The parser hangs "in Lisbon" and "on Friday" on the noun; both still say where and
    // when the clause happened. A finite verb that the parser made an `acl` with its own
    // subject is still a clause.
    let d = doc("Ending/VERB/VBG/end/0/root the/DET/DT/the/3/det wait/NOUN/NN/wait/1/obj ,/PUNCT/,/,/6/punct Ana/PROPN/NNP/Ana/6/nsubj gathered/VERB/VBD/gather/3/acl at/ADP/IN/at/9/case a/DET/DT/a/9/det hall/NOUN/NN/hall/6/obl in/ADP/IN/in/11/case Lisbon/PROPN/NNP/Lisbon/9/nmod on/ADP/IN/on/13/case Friday/PROPN/NNP/Friday/9/nmod ./PUNCT/././1/punct", &[(4, 5, PER), (10, 11, LOC)]);
    let s = has(&d, "Ana", "gather at", "hall");
    let q: Vec<(Role, &str)> = s
        .qualifiers
        .iter()
        .map(|q| (q.role, q.value.text.as_str()))
        .collect();
    assert_eq!(q, [(Role::Location, "Lisbon"), (Role::Time, "Friday")]);
    // "across" a place too, with the time hung on that place.
    let d = doc("Farmers/NOUN/NNS/farmer/2/nsubj blocked/VERB/VBD/block/0/root roads/NOUN/NNS/road/2/obj across/ADP/IN/across/5/case France/PROPN/NNP/France/3/nmod on/ADP/IN/on/7/case Monday/PROPN/NNP/Monday/5/nmod ./PUNCT/././2/punct", &[(4, 5, LOC)]);
    let s = has(&d, "Farmers", "block", "roads");
    let q: Vec<(Role, &str)> = s
        .qualifiers
        .iter()
        .map(|q| (q.role, q.value.text.as_str()))
        .collect();
    assert_eq!(q, [(Role::Location, "France"), (Role::Time, "Monday")]);
}

#[test]
fn an_amount_after_by_is_no_means_and_times_are_found_through_of() {
    // "by a quarter of a point" says how much; the parser hung "on Thursday" on "point",
    // two nouns down through "of".
    let d = doc("The/DET/DT/the/2/det bank/NOUN/NN/bank/3/nsubj raised/VERB/VBD/raise/0/root rates/NOUN/NNS/rate/3/obj by/ADP/IN/by/7/case a/DET/DT/a/7/det quarter/NOUN/NN/quarter/3/obl of/ADP/IN/of/10/case a/DET/DT/a/10/det point/NOUN/NN/point/7/nmod on/ADP/IN/on/12/case Thursday/PROPN/NNP/Thursday/10/nmod ./PUNCT/././3/punct", &[]);
    let s = has(&d, "bank", "raise", "rates");
    let q: Vec<(Role, &str)> = s
        .qualifiers
        .iter()
        .map(|q| (q.role, q.value.text.as_str()))
        .collect();
    assert_eq!(
        q,
        [
            (Role::Other, "a quarter of a point"),
            (Role::Time, "Thursday")
        ]
    );
    // A place the same way: "on the sidelines of the summit in Vilnius".
    let d = doc("Kim/PROPN/NNP/Kim/2/nsubj spoke/VERB/VBD/speak/0/root on/ADP/IN/on/5/case the/DET/DT/the/5/det sidelines/NOUN/NNS/sideline/2/obl of/ADP/IN/of/8/case the/DET/DT/the/8/det summit/NOUN/NN/summit/5/nmod in/ADP/IN/in/10/case Vilnius/PROPN/NNP/Vilnius/8/nmod ./PUNCT/././2/punct", &[(0, 1, PER), (9, 10, LOC)]);
    let s = has(&d, "Kim", "speak on", "sidelines");
    assert!(
        s.qualifiers
            .iter()
            .any(|q| q.role == Role::Location && q.value.text == "Vilnius"),
        "{:?}",
        s.qualifiers
    );
}

#[test]
fn an_adjective_or_participle_said_of_the_object_joins_the_relation() {
    let d = doc("The/DET/DT/the/2/det bank/NOUN/NN/bank/3/nsubj left/VERB/VBD/leave/0/root rates/NOUN/NNS/rate/3/obj unchanged/ADJ/JJ/unchanged/3/xcomp on/ADP/IN/on/7/case Wednesday/PROPN/NNP/Wednesday/5/obl ./PUNCT/././3/punct", &[]);
    let s = has(&d, "bank", "leave unchanged", "rates");
    assert_eq!(s.qualifiers.len(), 1);
    assert_eq!(s.qualifiers[0].role, Role::Time);
    let d = doc("Egypt/PROPN/NNP/Egypt/2/nsubj kept/VERB/VBD/keep/0/root the/DET/DT/the/4/det crossing/NOUN/NN/crossing/2/obj closed/VERB/VBN/close/2/xcomp ./PUNCT/././2/punct", &[(0, 1, LOC)]);
    has(&d, "Egypt", "keep closed", "crossing");
    // A participle with its own agent modifies the object: no "accept authored".
    let d = doc("The/DET/DT/the/2/det king/NOUN/NN/king/3/nsubj accepted/VERB/VBD/accept/0/root the/DET/DT/the/5/det draft/NOUN/NN/draft/3/obj written/VERB/VBN/write/3/xcomp by/ADP/IN/by/8/case monks/NOUN/NNS/monk/6/obl ./PUNCT/././3/punct", &[]);
    assert!(
        extract(&d)
            .iter()
            .all(|s| !s.relation.lemma.contains("written")),
        "{:?}",
        extract(&d)
            .iter()
            .map(|s| &s.relation.lemma)
            .collect::<Vec<_>>()
    );
}

#[test]
fn where_and_when_give_the_clause_the_place_or_time_before_them() {
    let roles = |s: &Statement| -> Vec<(Role, String)> {
        s.qualifiers
            .iter()
            .map(|q| (q.role, q.value.text.clone()))
            .collect()
    };
    // The parser made "where he met Scholz" an adverbial clause of "flew".
    let d = doc("Zelensky/PROPN/NNP/Zelensky/2/nsubj flew/VERB/VBD/fly/0/root to/ADP/IN/to/4/case Berlin/PROPN/NNP/Berlin/2/obl ,/PUNCT/,/,/8/punct where/ADV/WRB/where/8/advmod he/PRON/PRP/he/8/nsubj met/VERB/VBD/meet/2/advcl Scholz/PROPN/NNP/Scholz/8/obj ./PUNCT/././2/punct", &[(0, 1, PER), (3, 4, LOC), (8, 9, PER)]);
    let met = extract(&d)
        .into_iter()
        .find(|s| s.relation.lemma == "meet")
        .expect("a meeting");
    assert_eq!(roles(&met), [(Role::Location, "Berlin".to_owned())]);
    // A relative clause: the noun is where, not what ("a hotel where officials gathered").
    let d = doc("They/PRON/PRP/they/2/nsubj stayed/VERB/VBD/stay/0/root at/ADP/IN/at/5/case a/DET/DT/a/5/det hotel/NOUN/NN/hotel/2/obl where/ADV/WRB/where/8/advmod officials/NOUN/NNS/official/8/nsubj gathered/VERB/VBD/gather/5/acl:relcl ./PUNCT/././2/punct", &[]);
    let s = extract(&d)
        .into_iter()
        .find(|s| s.relation.lemma == "gather")
        .expect("a gathering");
    assert!(s.object.is_none(), "{:?}", s.object);
    assert_eq!(roles(&s), [(Role::Location, "hotel".to_owned())]);
    // "when" after a time.
    let d = doc("It/PRON/PRP/it/2/nsubj began/VERB/VBD/begin/0/root in/ADP/IN/in/4/case 2019/NUM/CD/2019/2/obl ,/PUNCT/,/,/8/punct when/ADV/WRB/when/8/advmod rebels/NOUN/NNS/rebel/8/nsubj took/VERB/VBD/take/2/advcl Goma/PROPN/NNP/Goma/8/obj ./PUNCT/././2/punct", &[(8, 9, LOC)]);
    let s = has(&d, "rebels", "take", "Goma");
    assert_eq!(roles(&s), [(Role::Time, "2019".to_owned())]);
    // Not a place or time before it: nothing.
    let d = doc("It/PRON/PRP/it/2/nsubj rained/VERB/VBD/rain/0/root on/ADP/IN/on/4/case us/PRON/PRP/we/2/obl ,/PUNCT/,/,/8/punct where/ADV/WRB/where/8/advmod rebels/NOUN/NNS/rebel/8/nsubj took/VERB/VBD/take/2/advcl Goma/PROPN/NNP/Goma/8/obj ./PUNCT/././2/punct", &[(8, 9, LOC)]);
    let s = has(&d, "rebels", "take", "Goma");
    assert!(roles(&s).is_empty(), "{:?}", roles(&s));
}

#[test]
fn an_adverb_particle_right_after_the_verb_is_part_of_it() {
    let d = doc("Ana/PROPN/NNP/Ana/3/nsubj will/AUX/MD/will/3/aux step/VERB/VB/step/0/root down/ADV/RB/down/3/advmod ./PUNCT/././3/punct", &[(0, 1, PER)]);
    has(&d, "Ana", "step down", "");
    // Not one further away: "stepped aside down" is "step aside" (the adverb right after a
    // verb without an object completes it), never "step aside down".
    let d = doc("Ana/PROPN/NNP/Ana/2/nsubj stepped/VERB/VBD/step/0/root aside/ADV/RB/aside/2/advmod down/ADV/RB/down/2/advmod ./PUNCT/././2/punct", &[(0, 1, PER)]);
    has(&d, "Ana", "step aside", "");
}

#[test]
fn a_noun_aimed_at_a_target_joins_the_relation() {
    // The parser hung "on Russia" on the verb; "on" a country is no location.
    let d = doc("The/DET/DT/the/2/det Union/PROPN/NNP/Union/3/nsubj imposed/VERB/VBD/impose/0/root sanctions/NOUN/NNS/sanction/3/obj on/ADP/IN/on/6/case Russia/PROPN/NNP/Russia/3/obl ./PUNCT/././3/punct", &[(1, 2, ORG), (5, 6, LOC)]);
    let s = has(&d, "Union", "impose sanction on", "Russia");
    assert!(s.qualifiers.is_empty(), "{:?}", s.qualifiers);
    // A targeting verb takes only a target's preposition: "opened an office in Oslo" is an
    // office opened in Oslo.
    let d = doc("Ana/PROPN/NNP/Ana/2/nsubj opened/VERB/VBD/open/0/root an/DET/DT/a/4/det office/NOUN/NN/office/2/obj in/ADP/IN/in/6/case Oslo/PROPN/NNP/Oslo/4/nmod ./PUNCT/././2/punct", &[(0, 1, PER), (5, 6, LOC)]);
    let s = has(&d, "Ana", "open", "office");
    assert_eq!(s.qualifiers[0].role, Role::Location);
}

#[test]
fn a_level_after_at_is_no_place_and_hyphenated_words_stay_whole() {
    let d = doc("The/DET/DT/the/2/det bank/NOUN/NN/bank/3/nsubj held/VERB/VBD/hold/0/root rates/NOUN/NNS/rate/3/obj at/ADP/IN/at/7/case 5.25/NUM/CD/5.25/7/nummod percent/NOUN/NN/percent/3/obl ./PUNCT/././3/punct", &[]);
    let s = has(&d, "bank", "hold", "rates");
    assert_eq!(s.qualifiers[0].role, Role::Other);
    let mut d = doc("They/PRON/PRP/they/2/nsubj agreed/VERB/VBD/agree/0/root to/ADP/IN/to/8/case a/DET/DT/a/8/det 24/NUM/CD/24/7/nummod -/PUNCT/HYPH/-/5/punct hour/NOUN/NN/hour/8/compound ceasefire/NOUN/NN/ceasefire/2/obl ./PUNCT/././2/punct", &[]);
    for k in [4, 5] {
        d.sentences[0].tokens[k].space_after = false;
    }
    // (The test document spells its tokens apart.)
    has(&d, "They", "agree to", "24 - hour ceasefire");
}

#[test]
fn a_means_gives_way_to_a_partner_as_the_object() {
    let d = doc("Modi/PROPN/NNP/Modi/2/nsubj spoke/VERB/VBD/speak/0/root by/ADP/IN/by/4/case phone/NOUN/NN/phone/2/obl with/ADP/IN/with/6/case Zelensky/PROPN/NNP/Zelensky/2/obl ./PUNCT/././2/punct", &[(0, 1, PER), (5, 6, PER)]);
    let s = has(&d, "Modi", "speak with", "Zelensky");
    assert_eq!(s.qualifiers[0].role, Role::Means);
    // Without a partner, the means is still the object: "arrived by train".
    let d = doc("Modi/PROPN/NNP/Modi/2/nsubj arrived/VERB/VBD/arrive/0/root by/ADP/IN/by/4/case train/NOUN/NN/train/2/obl ./PUNCT/././2/punct", &[(0, 1, PER)]);
    has(&d, "Modi", "arrive by", "train");
}

#[test]
fn the_one_urged_to_act_is_the_subject_of_a_requested_act() {
    // The parser's readings: the one urged an indirect object; the infinitive a modifier of
    // the object; "called on" with an oblique.
    let d = doc("Biden/PROPN/NNP/Biden/2/nsubj urged/VERB/VBD/urge/0/root Congress/PROPN/NNP/Congress/2/iobj to/PART/TO/to/5/mark approve/VERB/VB/approve/2/xcomp aid/NOUN/NN/aid/5/obj ./PUNCT/././2/punct", &[(0, 1, PER), (2, 3, ORG)]);
    // The asking is the act's source, not a statement of its own.
    let s = has(&d, "Congress", "approve", "aid");
    assert_eq!(s.modality, Modality::Requested);
    assert_eq!(s.attribution.unwrap().text, "Biden");
    assert!(
        triples(&d).iter().all(|t| t.1 != "urge"),
        "{:?}",
        triples(&d)
    );
    let d = doc("The/DET/DT/the/2/det court/NOUN/NN/court/3/nsubj ordered/VERB/VBD/order/0/root the/DET/DT/the/5/det firm/NOUN/NN/firm/3/obj to/PART/TO/to/7/mark pay/VERB/VB/pay/5/acl damages/NOUN/NNS/damage/7/obj ./PUNCT/././3/punct", &[]);
    assert_eq!(
        has(&d, "firm", "pay", "damages").modality,
        Modality::Requested
    );
    let d = doc("The/DET/DT/the/2/det UN/PROPN/NNP/UN/3/nsubj called/VERB/VBD/call/0/root on/ADP/IN/on/5/case sides/NOUN/NNS/side/3/obl to/PART/TO/to/7/mark protect/VERB/VB/protect/3/xcomp civilians/NOUN/NNS/civilian/7/obj ./PUNCT/././3/punct", &[(1, 2, ORG)]);
    assert_eq!(
        has(&d, "sides", "protect", "civilians").modality,
        Modality::Requested
    );
    // Forced to flee, they fled.
    let d = doc("Troops/NOUN/NNS/troop/2/nsubj forced/VERB/VBD/force/0/root residents/NOUN/NNS/resident/2/obj to/PART/TO/to/5/mark leave/VERB/VB/leave/2/xcomp ./PUNCT/././2/punct", &[]);
    assert_eq!(
        has(&d, "residents", "leave", "").modality,
        Modality::Asserted
    );
}

#[test]
fn what_someone_is_accused_of_is_the_accusers_claim() {
    // The gerund hung on the accused (acl), as the parser read it.
    let d = doc("Kyiv/PROPN/NNP/Kyiv/2/nsubj accused/VERB/VBD/accuse/0/root Moscow/PROPN/NNP/Moscow/2/obj of/SCONJ/IN/of/5/mark shelling/VERB/VBG/shell/3/acl the/DET/DT/the/7/det dam/NOUN/NN/dam/5/obj ./PUNCT/././2/punct", &[(0, 1, LOC), (2, 3, LOC)]);
    let s = has(&d, "Moscow", "shell", "dam");
    assert_eq!(s.attribution.unwrap().text, "Kyiv");
    // No accuser named: not stated.
    let d = doc("He/PRON/PRP/he/3/nsubj:pass was/AUX/VBD/be/3/aux:pass accused/VERB/VBN/accuse/0/root of/SCONJ/IN/of/5/mark stealing/VERB/VBG/steal/3/advcl cash/NOUN/NN/cash/5/obj ./PUNCT/././3/punct", &[]);
    let s = has(&d, "He", "steal", "cash");
    assert!(s.attribution.is_none());
    assert_eq!(s.modality, Modality::Possible);
    // Convicted of it, it is a court's finding.
    let d = doc("A/DET/DT/a/2/det jury/NOUN/NN/jury/3/nsubj convicted/VERB/VBD/convict/0/root Ana/PROPN/NNP/Ana/3/obj of/SCONJ/IN/of/6/mark killing/VERB/VBG/kill/3/advcl Tom/PROPN/NNP/Tom/6/obj ./PUNCT/././3/punct", &[(3, 4, PER), (6, 7, PER)]);
    let s = has(&d, "Ana", "kill", "Tom");
    assert!(s.attribution.is_none());
    assert_eq!(s.modality, Modality::Asserted);
}

#[test]
fn a_participle_conjoined_to_a_passive_is_passive() {
    let d = doc("Two/NUM/CD/two/2/nummod people/NOUN/NNS/people/4/nsubj:pass were/AUX/VBD/be/4/aux:pass killed/VERB/VBN/kill/0/root and/CCONJ/CC/and/7/cc others/NOUN/NNS/other/7/nsubj injured/VERB/VBN/injure/4/conj ./PUNCT/././4/punct", &[]);
    has(&d, "others", "be injured", "");
    // An active conjunct with its own object stays active.
    let d = doc("Two/NUM/CD/two/2/nummod people/NOUN/NNS/people/4/nsubj:pass were/AUX/VBD/be/4/aux:pass killed/VERB/VBN/kill/0/root and/CCONJ/CC/and/6/cc police/NOUN/NNS/police/7/nsubj closed/VERB/VBD/close/4/conj roads/NOUN/NNS/road/7/obj ./PUNCT/././4/punct", &[]);
    has(&d, "police", "close", "roads");
}

#[test]
fn a_penalty_falls_on_its_indirect_object() {
    let d = doc("Brussels/PROPN/NNP/Brussels/2/nsubj fined/VERB/VBD/fine/0/root Apple/PROPN/NNP/Apple/2/iobj 1.8/NUM/CD/1.8/5/compound billion/NUM/CD/billion/6/nummod euros/NOUN/NNS/euro/2/obj ./PUNCT/././2/punct", &[(0, 1, LOC), (2, 3, ORG)]);
    let s = has(&d, "Brussels", "fine", "Apple");
    assert_eq!(s.qualifiers[0].role, Role::Other);
    // A gift's indirect object stays the recipient: "gave Ana 5 euros".
    let d = doc("Tom/PROPN/NNP/Tom/2/nsubj gave/VERB/VBD/give/0/root Ana/PROPN/NNP/Ana/2/iobj 5/NUM/CD/5/5/nummod euros/NOUN/NNS/euro/2/obj ./PUNCT/././2/punct", &[(0, 1, PER), (2, 3, PER)]);
    let s = has(&d, "Tom", "give", "5 euros");
    assert_eq!(s.qualifiers[0].role, Role::Recipient);
}

#[test]
fn what_a_counting_noun_counts_is_the_argument() {
    let d = doc("Thousands/NOUN/NNS/thousand/4/nsubj of/ADP/IN/of/3/case protesters/NOUN/NNS/protester/1/nmod gathered/VERB/VBD/gather/0/root in/ADP/IN/in/6/case Tbilisi/PROPN/NNP/Tbilisi/4/obl ./PUNCT/././4/punct", &[(5, 6, LOC)]);
    // (Where they gathered is a qualifier, not an object.)
    let s = has(&d, "protesters", "gather", "");
    assert_eq!(s.subject.full_text, "Thousands of protesters");
    // A share of a group is not the group: "The vast majority of residents fled", "Half of
    // the residents fled".
    let d = doc("The/DET/DT/the/3/det vast/ADJ/JJ/vast/3/amod majority/NOUN/NN/majority/6/nsubj of/ADP/IN/of/5/case residents/NOUN/NNS/resident/3/nmod fled/VERB/VBD/flee/0/root ./PUNCT/././6/punct", &[]);
    has(&d, "vast majority of residents", "flee", "");
    let d = doc("Half/NOUN/NN/half/5/nsubj of/ADP/IN/of/4/case the/DET/DT/the/4/det residents/NOUN/NNS/resident/1/nmod fled/VERB/VBD/flee/0/root ./PUNCT/././5/punct", &[]);
    has(&d, "half of the residents", "flee", "");
}

#[test]
fn the_subjects_places_qualify_the_statement_and_a_names_time_too() {
    let quals = |s: &Statement| -> Vec<(Role, String)> {
        s.qualifiers
            .iter()
            .map(|q| (q.role, q.value.text.clone()))
            .collect()
    };
    let d = doc("A/DET/DT/a/2/det court/NOUN/NN/court/5/nsubj in/ADP/IN/in/4/case Paris/PROPN/NNP/Paris/2/nmod sentenced/VERB/VBD/sentence/0/root Sarkozy/PROPN/NNP/Sarkozy/5/obj ./PUNCT/././5/punct", &[(3, 4, LOC), (5, 6, PER)]);
    let s = has(&d, "court", "sentence", "Sarkozy");
    assert_eq!(quals(&s), [(Role::Location, "Paris".to_owned())]);
    // A named subject has no time of its own: the parser hung the clause's on it.
    let d = doc("Seoul/PROPN/NNP/Seoul/4/nsubj on/ADP/IN/on/3/case Thursday/PROPN/NNP/Thursday/1/nmod expressed/VERB/VBD/express/0/root concern/NOUN/NN/concern/4/obj ./PUNCT/././4/punct", &[(0, 1, LOC)]);
    let s = has(&d, "Seoul", "express", "concern");
    assert_eq!(quals(&s), [(Role::Time, "Thursday".to_owned())]);
    // An event has: "the summit on Wednesday could lead to a deal" is the summit's day.
    let d = doc("The/DET/DT/the/2/det summit/NOUN/NN/summit/6/nsubj on/ADP/IN/on/4/case Wednesday/PROPN/NNP/Wednesday/2/nmod could/AUX/MD/could/6/aux lead/VERB/VB/lead/0/root to/ADP/IN/to/9/case a/DET/DT/a/9/det deal/NOUN/NN/deal/6/obl ./PUNCT/././6/punct", &[]);
    let s = has(&d, "summit", "lead to", "deal");
    assert!(quals(&s).is_empty(), "{:?}", quals(&s));
    // Nor an event's place: "the war in Ukraine raised prices" everywhere.
    let d = doc("The/DET/DT/the/2/det war/NOUN/NN/war/5/nsubj in/ADP/IN/in/4/case Ukraine/PROPN/NNP/Ukraine/2/nmod raised/VERB/VBD/raise/0/root prices/NOUN/NNS/price/5/obj ./PUNCT/././5/punct", &[(3, 4, LOC)]);
    let s = has(&d, "war", "raise", "prices");
    assert!(quals(&s).is_empty(), "{:?}", quals(&s));
    // A passive verb's agent who acts the same way, and what the verb's preposition said:
    // "He was convicted of fraud by a jury in New York on Thursday".
    let d = doc("He/PRON/PRP/he/3/nsubj:pass was/AUX/VBD/be/3/aux:pass convicted/VERB/VBN/convict/0/root of/ADP/IN/of/5/case fraud/NOUN/NN/fraud/3/obl by/ADP/IN/by/8/case a/DET/DT/a/8/det jury/NOUN/NN/jury/3/obl:agent in/ADP/IN/in/10/case York/PROPN/NNP/York/8/nmod on/ADP/IN/on/12/case Thursday/PROPN/NNP/Thursday/8/nmod ./PUNCT/././3/punct", &[(9, 10, LOC)]);
    let s = has(&d, "jury", "convict", "He");
    assert_eq!(
        quals(&s),
        [
            (Role::Other, "fraud".to_owned()),
            (Role::Location, "York".to_owned()),
            (Role::Time, "Thursday".to_owned())
        ]
    );
    // Nor a light verb's: "There's concern in Seoul" says nothing of Seoul.
    let d = doc("There/PRON/EX/there/2/expl 's/VERB/VBZ/be/0/root concern/NOUN/NN/concern/2/nsubj in/ADP/IN/in/5/case Seoul/PROPN/NNP/Seoul/3/nmod ./PUNCT/././2/punct", &[(4, 5, LOC)]);
    let all = extract(&d);
    assert!(
        all.iter().all(|s| s.relation.lemma != "be"),
        "{:?}",
        all.iter().map(|s| &s.relation.lemma).collect::<Vec<_>>()
    );
}

#[test]
fn intransitive_verb_takes_its_preposition_and_keeps_the_means() {
    let d = doc("The/DET/DT/the/2/det minister/NOUN/NN/minister/3/nsubj arrived/VERB/VBD/arrive/0/root at/ADP/IN/at/5/case Oslo/PROPN/NNP/Oslo/3/obl by/ADP/IN/by/7/case train/NOUN/NN/train/3/obl ./PUNCT/././3/punct", &[(4, 5, LOC)]);
    let s = has(&d, "minister", "arrive at", "Oslo");
    assert_eq!(s.qualifiers.len(), 1);
    assert_eq!(s.qualifiers[0].role, Role::Means);
    assert_eq!(s.qualifiers[0].value.text, "train");
}

#[test]
fn coordinated_subjects_of_a_symmetric_verb_meet_each_other() {
    let d = doc("Ana/PROPN/NNP/Ana/4/nsubj and/CCONJ/CC/and/3/cc Tom/PROPN/NNP/Tom/1/conj met/VERB/VBD/meet/0/root in/ADP/IN/in/6/case Oslo/PROPN/NNP/Oslo/4/obl ./PUNCT/././4/punct", &[(0, 1, PER), (2, 3, PER), (5, 6, LOC)]);
    assert_eq!(triples(&d), [("Ana".into(), "meet".into(), "Tom".into())]);
    let s = has(&d, "Ana", "meet", "Tom");
    assert_eq!(s.qualifiers[0].role, Role::Location);
}

#[test]
fn coordinated_verbs_share_their_subject_and_objects_are_expanded() {
    let d = doc("The/DET/DT/the/2/det workers/NOUN/NNS/worker/3/nsubj toured/VERB/VBD/tour/0/root the/DET/DT/the/5/det plant/NOUN/NN/plant/3/obj and/CCONJ/CC/and/7/cc discussed/VERB/VBD/discuss/3/conj wages/NOUN/NNS/wage/7/obj and/CCONJ/CC/and/10/cc hours/NOUN/NNS/hour/8/conj ./PUNCT/././3/punct", &[]);
    assert_eq!(
        triples(&d),
        [
            ("workers".into(), "tour".into(), "plant".into()),
            ("workers".into(), "discuss".into(), "wages".into()),
            ("workers".into(), "discuss".into(), "hours".into())
        ]
    );
}

#[test]
fn passive_with_agent_reads_actively() {
    let d = doc("The/DET/DT/the/2/det bill/NOUN/NN/bill/4/nsubj:pass was/AUX/VBD/be/4/aux:pass signed/VERB/VBN/sign/0/root by/ADP/IN/by/7/case the/DET/DT/the/7/det governor/NOUN/NN/governor/4/obl:agent ./PUNCT/././4/punct", &[]);
    assert_eq!(
        triples(&d),
        [("governor".into(), "sign".into(), "bill".into())]
    );
    // The benchmark reading keeps the sentence's voice.
    let e = &analyse(&d)[0];
    let s = e.surface.as_ref().unwrap();
    assert_eq!(
        (s.arg1.as_str(), s.relation.as_str()),
        ("The bill", "was signed by")
    );
    assert_eq!(s.args, ["the governor"]);
}

#[test]
fn passive_without_agent_keeps_the_patient_as_subject() {
    let d = doc("The/DET/DT/the/2/det bill/NOUN/NN/bill/4/nsubj:pass was/AUX/VBD/be/4/aux:pass signed/VERB/VBN/sign/0/root ./PUNCT/././4/punct", &[]);
    assert_eq!(
        triples(&d),
        [("bill".into(), "be signed".into(), "".into())]
    );
}

#[test]
fn relative_clause_resolves_to_its_head_noun() {
    let d = doc("The/DET/DT/the/2/det company/NOUN/NN/company/7/nsubj that/PRON/WDT/that/4/nsubj built/VERB/VBD/build/2/acl:relcl the/DET/DT/the/6/det bridge/NOUN/NN/bridge/4/obj closed/VERB/VBD/close/0/root ./PUNCT/././7/punct", &[]);
    has(&d, "company", "build", "bridge");
    has(&d, "company", "close", "");
    assert!(extract(&d).iter().all(|s| s.subject.text != "that"));
}

#[test]
fn participle_with_agent_reads_actively() {
    let d = doc("A/DET/DT/a/2/det team/NOUN/NN/team/7/nsubj led/VERB/VBN/lead/2/acl by/ADP/IN/by/5/case Ana/PROPN/NNP/Ana/3/obl:agent Silva/PROPN/NNP/Silva/5/flat won/VERB/VBD/win/0/root ./PUNCT/././7/punct", &[(4, 6, PER)]);
    has(&d, "Ana Silva", "lead", "team");
    has(&d, "team", "win", "");
}

#[test]
fn xcomp_chain_folds_into_one_relation() {
    let d = doc("The/DET/DT/the/2/det union/NOUN/NN/union/3/nsubj agreed/VERB/VBD/agree/0/root to/PART/TO/to/5/mark set/VERB/VB/set/3/xcomp up/ADP/RP/up/5/compound:prt a/DET/DT/a/8/det fund/NOUN/NN/fund/5/obj ./PUNCT/././3/punct", &[]);
    assert_eq!(
        triples(&d),
        [("union".into(), "agree to set up".into(), "fund".into())]
    );
    assert_eq!(
        analyse(&d)[0].surface.as_ref().unwrap().relation,
        "agreed to set up"
    );
}

#[test]
fn the_object_of_expect_is_who_does_the_expected_thing() {
    // Folded into modality: Ana visits Porto, expected.
    let d = doc("Officials/NOUN/NNS/official/2/nsubj expect/VERB/VBP/expect/0/root Ana/PROPN/NNP/Ana/2/obj to/PART/TO/to/5/mark visit/VERB/VB/visit/2/xcomp Porto/PROPN/NNP/Porto/5/obj ./PUNCT/././2/punct", &[(2, 3, PER), (5, 6, LOC)]);
    let s = has(&d, "Ana", "visit", "Porto");
    assert_eq!(s.modality, Modality::Expected);
    // On the word of those who expect it.
    assert_eq!(s.attribution.unwrap().text, "Officials");
    assert!(triples(&d).iter().all(|(s, _, _)| s != "Officials"));
    // A purpose clause under the controlled verb has the same subject: Ana meets Rui.
    let d = doc("Officials/NOUN/NNS/official/2/nsubj expect/VERB/VBP/expect/0/root Ana/PROPN/NNP/Ana/2/obj to/PART/TO/to/5/mark travel/VERB/VB/travel/2/xcomp to/ADP/IN/to/7/case Lisbon/PROPN/NNP/Lisbon/5/obl to/PART/TO/to/9/mark meet/VERB/VB/meet/5/advcl Rui/PROPN/NNP/Rui/9/obj ./PUNCT/././2/punct", &[(2, 3, PER), (6, 7, LOC), (9, 10, PER)]);
    has(&d, "Ana", "meet", "Rui");
    assert!(
        triples(&d)
            .iter()
            .all(|(s, r, _)| !(s == "Officials" && r == "meet")),
        "{:?}",
        triples(&d)
    );
}

#[test]
fn a_relative_word_as_subject_leaves_the_object_empty() {
    // "A summit that focused on trade": summit focus on trade, never summit … summit.
    let d = doc("Leaders/NOUN/NNS/leader/2/nsubj held/VERB/VBD/hold/0/root a/DET/DT/a/4/det summit/NOUN/NN/summit/2/obj that/PRON/WDT/that/6/nsubj focused/VERB/VBD/focus/4/acl:relcl on/ADP/IN/on/8/case trade/NOUN/NN/trade/6/obl ./PUNCT/././2/punct", &[]);
    has(&d, "summit", "focus on", "trade");
    let d = doc("Leaders/NOUN/NNS/leader/2/nsubj held/VERB/VBD/hold/0/root a/DET/DT/a/4/det summit/NOUN/NN/summit/2/obj that/PRON/WDT/that/7/nsubj:pass was/AUX/VBD/be/7/aux:pass focused/VERB/VBN/focus/4/acl:relcl on/ADP/IN/on/9/case trade/NOUN/NN/trade/7/obl ./PUNCT/././2/punct", &[]);
    assert!(
        triples(&d).iter().all(|(s, _, o)| s != o),
        "{:?}",
        triples(&d)
    );
    // The gap is the object when the relative word is not the subject: "the summit that
    // Ana hosted".
    let d = doc("The/DET/DT/the/2/det summit/NOUN/NN/summit/6/nsubj that/PRON/WDT/that/5/obj Ana/PROPN/NNP/Ana/5/nsubj hosted/VERB/VBD/host/2/acl:relcl ended/VERB/VBD/end/0/root ./PUNCT/././6/punct", &[(3, 4, PER)]);
    has(&d, "Ana", "host", "summit");
}

#[test]
fn a_saying_verb_takes_no_prepositional_object() {
    let d = doc("Ana/PROPN/NNP/Ana/2/nsubj spoke/VERB/VBD/speak/0/root after/ADP/IN/after/5/case the/DET/DT/the/5/det race/NOUN/NN/race/2/obl ./PUNCT/././2/punct", &[(0, 1, PER)]);
    has(&d, "Ana", "speak after", "race");
    let d = doc("Ana/PROPN/NNP/Ana/2/nsubj said/VERB/VBD/say/0/root after/ADP/IN/after/5/case the/DET/DT/the/5/det race/NOUN/NN/race/2/obl ./PUNCT/././2/punct", &[(0, 1, PER)]);
    assert!(
        triples(&d)
            .iter()
            .all(|(_, r, o)| r != "say after" && o != "race"),
        "{:?}",
        triples(&d)
    );
}

#[test]
fn expected_to_is_modality() {
    let d = doc("The/DET/DT/the/2/det talks/NOUN/NNS/talk/4/nsubj:pass are/AUX/VBP/be/4/aux:pass expected/VERB/VBN/expect/0/root to/PART/TO/to/6/mark focus/VERB/VB/focus/4/xcomp on/ADP/IN/on/8/case trade/NOUN/NN/trade/6/obl ./PUNCT/././4/punct", &[]);
    let s = has(&d, "talks", "focus on", "trade");
    assert_eq!(s.modality, Modality::Expected);
}

#[test]
fn saying_verbs_attribute_their_complement() {
    let d = doc("The/DET/DT/the/2/det union/NOUN/NN/union/4/nsubj will/AUX/MD/will/4/aux strike/VERB/VB/strike/0/root ,/PUNCT/,/,/4/punct the/DET/DT/the/7/det minister/NOUN/NN/minister/8/nsubj said/VERB/VBD/say/4/parataxis ./PUNCT/././4/punct", &[]);
    let s = has(&d, "union", "strike", "");
    assert_eq!(s.modality, Modality::Future);
    assert_eq!(s.attribution.unwrap().text, "minister");
    let d = doc("Police/NOUN/NNS/police/2/nsubj said/VERB/VBD/say/0/root that/SCONJ/IN/that/5/mark the/DET/DT/the/5/det man/NOUN/NN/man/6/nsubj fled/VERB/VBD/flee/2/ccomp ./PUNCT/././2/punct", &[]);
    let s = has(&d, "man", "flee", "");
    assert_eq!(s.attribution.unwrap().text, "Police");
    // The saying itself has a clause for object: kept for benchmarks, not for the graph.
    assert!(extract(&d).iter().all(|s| s.relation.lemma != "say"));
    assert!(analyse(&d)
        .iter()
        .any(|e| e.surface.as_ref().is_some_and(|s| s.relation == "said")));
}

#[test]
fn the_person_set_off_after_a_speaker_is_the_source() {
    // "His lawyer, Ana Lopes, said the man fled."
    let d = doc("His/PRON/PRP$/his/2/nmod:poss lawyer/NOUN/NN/lawyer/7/nsubj ,/PUNCT/,/,/4/punct Ana/PROPN/NNP/Ana/2/appos Lopes/PROPN/NNP/Lopes/4/flat ,/PUNCT/,/,/4/punct said/VERB/VBD/say/0/root the/DET/DT/the/9/det man/NOUN/NN/man/10/nsubj fled/VERB/VBD/flee/7/ccomp ./PUNCT/././7/punct", &[(3, 5, PER)]);
    let s = has(&d, "man", "flee", "");
    assert_eq!(s.attribution.unwrap().text, "Ana Lopes");
}

#[test]
fn said_in_a_statement_that_is_the_speakers_word() {
    // "The bank said in a statement that the deal would close."
    let d = doc("The/DET/DT/the/2/det bank/NOUN/NN/bank/3/nsubj said/VERB/VBD/say/0/root in/ADP/IN/in/6/case a/DET/DT/a/6/det statement/NOUN/NN/statement/3/obl that/SCONJ/IN/that/11/mark the/DET/DT/the/9/det deal/NOUN/NN/deal/11/nsubj would/AUX/MD/would/11/aux close/VERB/VB/close/6/acl ./PUNCT/././3/punct", &[]);
    let s = has(&d, "deal", "close", "");
    assert_eq!(s.attribution.unwrap().text, "bank");
}

#[test]
fn a_capitalised_title_heading_a_name_is_the_person() {
    // "Finance Minister Ana Lopes resigned.", with "Finance" heading the name.
    let d = doc("Finance/NOUN/NN/finance/5/nsubj Minister/PROPN/NNP/Minister/3/nmod:desc Ana/PROPN/NNP/Ana/1/flat Lopes/PROPN/NNP/Lopes/3/flat resigned/VERB/VBD/resign/0/root ./PUNCT/././5/punct", &[(2, 4, PER)]);
    has(&d, "Ana Lopes", "resign", "");
}

#[test]
fn a_clause_describing_an_inverted_speaker_is_not_what_was_said() {
    // '"We ran," said Ana Lopes, a trader whose shop was destroyed.', with the relative clause
    // read as the complement of "said".
    let d = doc("\"/PUNCT/``/\"/3/punct We/PRON/PRP/we/3/nsubj ran/VERB/VBD/run/6/ccomp ,/PUNCT/,/,/3/punct \"/PUNCT/''/\"/3/punct said/VERB/VBD/say/0/root Ana/PROPN/NNP/Ana/6/nsubj Lopes/PROPN/NNP/Lopes/7/flat ,/PUNCT/,/,/11/punct a/DET/DT/a/11/det trader/NOUN/NN/trader/15/nsubj:pass whose/PRON/WP$/whose/13/nmod:poss shop/NOUN/NN/shop/15/nsubj:pass was/AUX/VBD/be/15/aux:pass destroyed/VERB/VBN/destroy/6/ccomp ./PUNCT/././6/punct", &[(6, 8, PER)]);
    let destroyed = extract(&d)
        .into_iter()
        .find(|s| s.relation.lemma == "be destroyed")
        .unwrap_or_else(|| panic!("{:?}", triples(&d)));
    assert!(destroyed.attribution.is_none(), "{destroyed:?}");
}

#[test]
fn a_final_report_names_the_person_set_off_before_its_verb() {
    // "The man fled, his lawyer, Ana Lopes, told reporters.", the name hung on "fled".
    let d = doc("The/DET/DT/the/2/det man/NOUN/NN/man/3/nsubj fled/VERB/VBD/flee/0/root ,/PUNCT/,/,/6/punct his/PRON/PRP$/his/6/nmod:poss lawyer/NOUN/NN/lawyer/3/conj ,/PUNCT/,/,/9/punct Ana/PROPN/NNP/Ana/9/compound Lopes/PROPN/NNP/Lopes/3/appos ,/PUNCT/,/,/11/punct told/VERB/VBD/tell/3/appos reporters/NOUN/NNS/reporter/11/obj ./PUNCT/././3/punct", &[(7, 9, PER)]);
    let s = has(&d, "man", "flee", "");
    assert_eq!(s.attribution.unwrap().text, "Ana Lopes");
}

#[test]
fn a_report_without_a_subject_in_the_tree_takes_the_speaker_where_it_stands() {
    // "The museum will return the objects, its director, Ana Lopes, said.", with "director"
    // hung on "return".
    let d = doc("The/DET/DT/the/2/det museum/NOUN/NN/museum/4/nsubj will/AUX/MD/will/4/aux return/VERB/VB/return/14/ccomp the/DET/DT/the/6/det objects/NOUN/NNS/object/4/obj ,/PUNCT/,/,/9/punct its/PRON/PRP$/its/9/nmod:poss director/NOUN/NN/director/4/obl ,/PUNCT/,/,/11/punct Ana/PROPN/NNP/Ana/9/appos Lopes/PROPN/NNP/Lopes/11/flat ,/PUNCT/,/,/14/punct said/VERB/VBD/say/0/root ./PUNCT/././14/punct", &[(10, 12, PER)]);
    let s = has(&d, "museum", "return", "objects");
    assert_eq!(s.attribution.unwrap().text, "Ana Lopes");
}

#[test]
fn coordinated_speakers_are_both_the_source() {
    let d = doc("Fighters/NOUN/NNS/fighter/2/nsubj attacked/VERB/VBD/attack/0/root the/DET/DT/the/4/det depot/NOUN/NN/depot/2/obj ,/PUNCT/,/,/10/punct police/NOUN/NNS/police/10/nsubj and/CCONJ/CC/and/9/cc local/ADJ/JJ/local/9/amod officials/NOUN/NNS/official/6/conj said/VERB/VBD/say/2/parataxis ./PUNCT/././2/punct", &[]);
    let s = has(&d, "Fighters", "attack", "depot");
    assert_eq!(s.attribution.unwrap().text, "police and local officials");
}

#[test]
fn each_promised_act_is_the_promisers_word() {
    let d = doc("Ana/PROPN/NNP/Ana/2/nsubj promised/VERB/VBD/promise/0/root to/PART/TO/to/4/mark review/VERB/VB/review/2/xcomp the/DET/DT/the/6/det permits/NOUN/NNS/permit/4/obj and/CCONJ/CC/and/9/cc to/PART/TO/to/9/mark appoint/VERB/VB/appoint/4/conj a/DET/DT/a/11/det deputy/NOUN/NN/deputy/9/obj ./PUNCT/././2/punct", &[(0, 1, PER)]);
    let s = has(&d, "Ana", "appoint", "deputy");
    assert_eq!(s.attribution.unwrap().text, "Ana");
}

#[test]
fn according_to_is_attribution_not_a_qualifier() {
    let d = doc("According/VERB/VBG/accord/3/case to/ADP/IN/to/1/fixed police/NOUN/NNS/police/7/obl ,/PUNCT/,/,/3/punct the/DET/DT/the/6/det man/NOUN/NN/man/7/nsubj fled/VERB/VBD/flee/0/root ./PUNCT/././7/punct", &[]);
    let s = has(&d, "man", "flee", "");
    assert_eq!(s.attribution.unwrap().text, "police");
    assert!(s.qualifiers.is_empty());
}

#[test]
fn a_denied_clause_is_negated_on_the_sources_word() {
    let d = doc("The/DET/DT/the/2/det Kremlin/PROPN/NNP/Kremlin/3/nsubj denied/VERB/VBD/deny/0/root that/SCONJ/IN/that/7/mark troops/NOUN/NNS/troop/7/nsubj had/AUX/VBD/have/7/aux shelled/VERB/VBN/shell/3/ccomp the/DET/DT/the/9/det hospital/NOUN/NN/hospital/7/obj ./PUNCT/././3/punct", &[(1, 2, ORG)]);
    let s = has(&d, "troops", "shell", "hospital");
    assert!(s.negated);
    assert_eq!(s.attribution.unwrap().text, "Kremlin");
    // Said, it stands; denied not to have happened, it happened.
    let said = doc("The/DET/DT/the/2/det Kremlin/PROPN/NNP/Kremlin/3/nsubj said/VERB/VBD/say/0/root that/SCONJ/IN/that/7/mark troops/NOUN/NNS/troop/7/nsubj had/AUX/VBD/have/7/aux shelled/VERB/VBN/shell/3/ccomp the/DET/DT/the/9/det hospital/NOUN/NN/hospital/7/obj ./PUNCT/././3/punct", &[(1, 2, ORG)]);
    assert!(!has(&said, "troops", "shell", "hospital").negated);
    let twice = doc("The/DET/DT/the/2/det Kremlin/PROPN/NNP/Kremlin/3/nsubj denied/VERB/VBD/deny/0/root that/SCONJ/IN/that/8/mark troops/NOUN/NNS/troop/8/nsubj had/AUX/VBD/have/8/aux not/PART/RB/not/8/advmod shelled/VERB/VBN/shell/3/ccomp the/DET/DT/the/10/det hospital/NOUN/NN/hospital/8/obj ./PUNCT/././3/punct", &[(1, 2, ORG)]);
    assert!(!has(&twice, "troops", "shell", "hospital").negated);
}

#[test]
fn a_preposition_built_on_a_noun_takes_the_phrase_after_it() {
    let d = doc("Hamas/PROPN/NNP/Hamas/2/nsubj released/VERB/VBD/release/0/root hostages/NOUN/NNS/hostage/2/obj in/ADP/IN/in/5/case exchange/NOUN/NN/exchange/2/obl for/ADP/IN/for/7/case prisoners/NOUN/NNS/prisoner/5/nmod ./PUNCT/././2/punct", &[(0, 1, ORG)]);
    let s = has(&d, "Hamas", "release", "hostages");
    let q = &s.qualifiers[0];
    assert_eq!(
        (q.preposition.as_deref(), q.value.text.as_str()),
        (Some("in exchange for"), "prisoners")
    );
    // A place in front of which something happens; read as the object of a verb without one.
    let d = doc("Protesters/NOUN/NNS/protester/2/nsubj gathered/VERB/VBD/gather/0/root in/ADP/IN/in/4/case front/NOUN/NN/front/2/obl of/ADP/IN/of/7/case the/DET/DT/the/7/det embassy/NOUN/NN/embassy/4/nmod ./PUNCT/././2/punct", &[]);
    has(&d, "Protesters", "gather in front of", "embassy");
    // Not a noun with an article of its own after "with": "with no charge to us".
    let d = doc("It/PRON/PRP/it/3/nsubj:pass was/AUX/VBD/be/3/aux:pass brought/VERB/VBN/bring/0/root with/ADP/IN/with/6/case no/DET/DT/no/6/det charge/NOUN/NN/charge/3/obl to/ADP/IN/to/8/case us/PRON/PRP/we/6/nmod ./PUNCT/././3/punct", &[]);
    has(&d, "It", "be brought with", "charge");
}

#[test]
fn a_name_set_off_after_a_titles_of_phrase_is_the_object() {
    let d = doc("Tinubu/PROPN/NNP/Tinubu/2/nsubj sacked/VERB/VBD/sack/0/root the/DET/DT/the/4/det head/NOUN/NN/head/2/obj of/ADP/IN/of/8/case the/DET/DT/the/8/det central/ADJ/JJ/central/8/amod bank/NOUN/NN/bank/4/nmod ,/PUNCT/,/,/10/punct Godwin/PROPN/NNP/Godwin/8/appos Emefiele/PROPN/NNP/Emefiele/10/flat ./PUNCT/././2/punct", &[(0, 1, PER), (9, 11, PER)]);
    has(&d, "Tinubu", "sack", "Godwin Emefiele");
    // Not when the noun is no person: "the roof of the bank, Ana Ruiz" names no roof.
    let d = doc("Tinubu/PROPN/NNP/Tinubu/2/nsubj fixed/VERB/VBD/fix/0/root the/DET/DT/the/4/det roof/NOUN/NN/roof/2/obj of/ADP/IN/of/8/case the/DET/DT/the/8/det central/ADJ/JJ/central/8/amod bank/NOUN/NN/bank/4/nmod ,/PUNCT/,/,/10/punct Godwin/PROPN/NNP/Godwin/8/appos Emefiele/PROPN/NNP/Emefiele/10/flat ./PUNCT/././2/punct", &[(0, 1, PER), (9, 11, PER)]);
    has(&d, "Tinubu", "fix", "roof");
}

#[test]
fn what_a_measure_counts_is_the_argument() {
    let d = doc("Bezos/PROPN/NNP/Bezos/2/nsubj sold/VERB/VBD/sell/0/root 2/NUM/CD/2/4/compound billion/NUM/CD/billion/5/nummod worth/NOUN/NN/worth/2/obj of/ADP/IN/of/7/case shares/NOUN/NNS/share/5/nmod ./PUNCT/././2/punct", &[(0, 1, PER)]);
    let s = has(&d, "Bezos", "sell", "shares");
    assert_eq!(s.object.unwrap().full_text, "2 billion worth of shares");
    // "a number of" counts; "the number of" is the number.
    let d = doc("A/DET/DT/a/2/det number/NOUN/NN/number/5/nsubj of/ADP/IN/of/4/case countries/NOUN/NNS/country/2/nmod protested/VERB/VBD/protest/0/root ./PUNCT/././5/punct", &[]);
    has(&d, "countries", "protest", "");
    let d = doc("The/DET/DT/the/2/det number/NOUN/NN/number/5/nsubj of/ADP/IN/of/4/case deaths/NOUN/NNS/death/2/nmod rose/VERB/VBD/rise/0/root ./PUNCT/././5/punct", &[]);
    has(&d, "number of deaths", "rise", "");
    // What an apposition says is the noun itself.
    let d = doc("The/DET/DT/the/2/det prize/NOUN/NN/prize/3/nsubj went/VERB/VBD/go/0/root to/ADP/IN/to/5/case Hidankyo/PROPN/NNP/Hidankyo/3/obl ,/PUNCT/,/,/8/punct a/DET/DT/a/8/det group/NOUN/NN/group/5/appos of/ADP/IN/of/10/case survivors/NOUN/NNS/survivor/8/nmod ./PUNCT/././3/punct", &[(4, 5, ORG)]);
    has(&d, "Hidankyo", "be", "group of survivors");
}

#[test]
fn a_parenthetical_saying_verb_read_as_a_complement_still_reports() {
    // "Police arrested three men, prosecutors said on Monday.", as the parser read it.
    let d = doc("Police/NOUN/NNS/police/2/nsubj arrested/VERB/VBD/arrest/0/root three/NUM/CD/three/4/nummod men/NOUN/NNS/man/2/obj ,/PUNCT/,/,/7/punct prosecutors/NOUN/NNS/prosecutor/7/nsubj said/VERB/VBD/say/2/ccomp on/ADP/IN/on/9/case Monday/PROPN/NNP/Monday/7/obl ./PUNCT/././2/punct", &[]);
    let s = has(&d, "Police", "arrest", "three men");
    assert_eq!(s.attribution.unwrap().text, "prosecutors");
    assert!(
        triples(&d).iter().all(|t| t.1 != "say"),
        "{:?}",
        triples(&d)
    );
    // Not a complement with its own: "They said it, and he said it worked."
    let d = doc("Police/NOUN/NNS/police/2/nsubj arrested/VERB/VBD/arrest/0/root men/NOUN/NNS/man/2/obj ,/PUNCT/,/,/6/punct this/PRON/DT/this/6/nsubj said/VERB/VBD/say/2/ccomp ./PUNCT/././2/punct", &[]);
    assert!(has(&d, "Police", "arrest", "men").attribution.is_none());
}

#[test]
fn a_participle_after_its_clause_is_the_clauses_subject_acting() {
    let d = doc("A/DET/DT/a/2/det bomb/NOUN/NN/bomb/3/nsubj exploded/VERB/VBD/explode/0/root in/ADP/IN/in/5/case Quetta/PROPN/NNP/Quetta/3/obl ,/PUNCT/,/,/7/punct killing/VERB/VBG/kill/3/advcl seven/NUM/CD/seven/9/nummod people/NOUN/NNS/people/7/obj ./PUNCT/././3/punct", &[(4, 5, LOC)]);
    has(&d, "bomb", "kill", "seven people");
    // Not one a verb governs through a preposition ("focused on expanding").
    let d = doc("The/DET/DT/the/2/det talks/NOUN/NNS/talk/3/nsubj focused/VERB/VBD/focus/0/root on/SCONJ/IN/on/5/mark expanding/VERB/VBG/expand/3/advcl cooperation/NOUN/NN/cooperation/5/obj ./PUNCT/././3/punct", &[]);
    assert!(
        triples(&d).iter().all(|t| t.1 != "expand"),
        "{:?}",
        triples(&d)
    );
    // Nor an opening one ("Ending a game, …"): its subject is a guess.
    let d = doc("Ending/VERB/VBG/end/4/advcl the/DET/DT/the/3/det game/NOUN/NN/game/1/obj ,/PUNCT/,/,/1/punct fans/NOUN/NNS/fan/5/nsubj left/VERB/VBD/leave/0/root ./PUNCT/././5/punct", &[]);
    assert!(
        triples(&d).iter().all(|t| t.1 != "end"),
        "{:?}",
        triples(&d)
    );
}

#[test]
fn a_parenthetical_saying_verb_only_reports() {
    let d = doc("The/DET/DT/the/2/det bank/NOUN/NN/bank/3/nsubj cut/VERB/VBD/cut/0/root rates/NOUN/NNS/rate/3/obj ,/PUNCT/,/,/8/punct the/DET/DT/the/7/det Kremlin/PROPN/NNP/Kremlin/8/nsubj said/VERB/VBD/say/3/parataxis on/ADP/IN/on/10/case Friday/PROPN/NNP/Friday/8/obl ./PUNCT/././3/punct", &[(6, 7, ORG)]);
    assert_eq!(
        has(&d, "bank", "cut", "rates").attribution.unwrap().text,
        "Kremlin"
    );
    assert!(
        triples(&d).iter().all(|t| t.1 != "say"),
        "{:?}",
        triples(&d)
    );
    // The same read as a modifier clause of the verb.
    let d = doc("The/DET/DT/the/2/det bank/NOUN/NN/bank/3/nsubj cut/VERB/VBD/cut/0/root rates/NOUN/NNS/rate/3/obj ,/PUNCT/,/,/8/punct the/DET/DT/the/7/det Kremlin/PROPN/NNP/Kremlin/8/nsubj said/VERB/VBD/say/3/advcl:relcl ./PUNCT/././3/punct", &[(6, 7, ORG)]);
    assert_eq!(
        has(&d, "bank", "cut", "rates").attribution.unwrap().text,
        "Kremlin"
    );
    assert!(
        triples(&d).iter().all(|t| t.1 != "say"),
        "{:?}",
        triples(&d)
    );
}

#[test]
fn each_other_is_each_of_the_others() {
    let d = doc("China/PROPN/NNP/China/5/nsubj and/CCONJ/CC/and/4/cc the/DET/DT/the/4/det Philippines/PROPN/NNPS/Philippines/1/conj accused/VERB/VBD/accuse/0/root each/DET/DT/each/5/obj other/ADJ/JJ/other/6/fixed on/ADP/IN/on/9/case Saturday/PROPN/NNP/Saturday/5/obl ./PUNCT/././5/punct", &[(0, 1, LOC), (3, 4, LOC)]);
    has(&d, "China", "accuse", "Philippines");
    has(&d, "Philippines", "accuse", "China");
    assert!(
        triples(&d).iter().all(|t| t.2 != "each"),
        "{:?}",
        triples(&d)
    );
}

#[test]
fn a_relative_word_after_a_preposition_is_the_noun_it_stands_for() {
    let d = doc("Police/NOUN/NNS/police/2/nsubj fired/VERB/VBD/fire/0/root at/ADP/IN/at/4/case protests/NOUN/NNS/protest/2/obl in/ADP/IN/in/6/case which/PRON/WDT/which/10/obl 20/NUM/CD/20/8/nummod people/NOUN/NNS/people/10/nsubj:pass were/AUX/VBD/be/10/aux:pass killed/VERB/VBN/kill/4/acl:relcl ./PUNCT/././2/punct", &[]);
    let s = has(&d, "20 people", "be killed", "");
    let q: Vec<(Option<&str>, &str)> = s
        .qualifiers
        .iter()
        .map(|q| (q.preposition.as_deref(), q.value.text.as_str()))
        .collect();
    assert_eq!(q, [(Some("in"), "protests")]);
}

#[test]
fn would_reported_in_the_past_is_the_future() {
    let d = doc("Spotify/PROPN/NNP/Spotify/2/nsubj said/VERB/VBD/say/0/root it/PRON/PRP/it/5/nsubj would/AUX/MD/would/5/aux cut/VERB/VB/cut/2/ccomp jobs/NOUN/NNS/job/5/obj ./PUNCT/././2/punct", &[(0, 1, ORG)]);
    assert_eq!(has(&d, "Spotify", "cut", "jobs").modality, Modality::Future);
    // An opinion now, or a condition, stays possible.
    let d = doc("I/PRON/PRP/I/2/nsubj think/VERB/VBP/think/0/root this/PRON/DT/this/5/nsubj would/AUX/MD/would/5/aux solve/VERB/VB/solve/2/ccomp it/PRON/PRP/it/5/obj ./PUNCT/././2/punct", &[]);
    assert_eq!(has(&d, "this", "solve", "it").modality, Modality::Possible);
    let d = doc("Spotify/PROPN/NNP/Spotify/2/nsubj said/VERB/VBD/say/0/root it/PRON/PRP/it/5/nsubj would/AUX/MD/would/5/aux cut/VERB/VB/cut/2/ccomp jobs/NOUN/NNS/job/5/obj if/SCONJ/IN/if/9/mark sales/NOUN/NNS/sale/9/nsubj fell/VERB/VBD/fall/5/advcl ./PUNCT/././2/punct", &[(0, 1, ORG)]);
    assert_eq!(
        has(&d, "Spotify", "cut", "jobs").modality,
        Modality::Possible
    );
}

#[test]
fn a_bare_verb_conjoined_to_a_modal_one_shares_the_modal() {
    let d = doc("Volkswagen/PROPN/NNP/Volkswagen/3/nsubj will/AUX/MD/will/3/aux close/VERB/VB/close/0/root three/NUM/CD/three/5/nummod factories/NOUN/NNS/factory/3/obj and/CCONJ/CC/and/7/cc cut/VERB/VB/cut/3/conj jobs/NOUN/NNS/job/7/obj ./PUNCT/././3/punct", &[(0, 1, ORG)]);
    assert_eq!(
        has(&d, "Volkswagen", "cut", "jobs").modality,
        Modality::Future
    );
    // A past tense is its own: "closed factories and cut jobs" stays stated.
    let d = doc("Volkswagen/PROPN/NNP/Volkswagen/2/nsubj closed/VERB/VBD/close/0/root factories/NOUN/NNS/factory/2/obj and/CCONJ/CC/and/5/cc cut/VERB/VBD/cut/2/conj jobs/NOUN/NNS/job/5/obj ./PUNCT/././2/punct", &[(0, 1, ORG)]);
    assert_eq!(
        has(&d, "Volkswagen", "cut", "jobs").modality,
        Modality::Asserted
    );
}

#[test]
fn a_finding_is_its_finders() {
    let d = doc("The/DET/DT/the/2/det judge/NOUN/NN/judge/3/nsubj ruled/VERB/VBD/rule/0/root that/SCONJ/IN/that/7/mark Google/PROPN/NNP/Google/7/nsubj had/AUX/VBD/have/7/aux monopolised/VERB/VBN/monopolise/3/ccomp the/DET/DT/the/9/det market/NOUN/NN/market/7/obj ./PUNCT/././3/punct", &[(4, 5, ORG)]);
    let s = has(&d, "Google", "monopolise", "market");
    assert_eq!(s.attribution.unwrap().text, "judge");
    // The verb's other uses keep their readings.
    let d = doc("The/DET/DT/the/2/det coverage/NOUN/NN/coverage/4/nsubj:pass was/AUX/VBD/be/4/aux:pass shown/VERB/VBN/show/0/root to/ADP/IN/to/6/case viewers/NOUN/NNS/viewer/4/obl ./PUNCT/././4/punct", &[]);
    has(&d, "coverage", "be shown to", "viewers");
}

#[test]
fn the_pronoun_subject_of_a_reported_clause_is_its_source() {
    let d = doc("The/DET/DT/the/2/det ministry/NOUN/NN/ministry/3/nsubj said/VERB/VBD/say/0/root it/PRON/PRP/it/6/nsubj had/AUX/VBD/have/6/aux detected/VERB/VBN/detect/3/ccomp 34/NUM/CD/34/8/nummod aircraft/NOUN/NN/aircraft/6/obj ./PUNCT/././3/punct", &[]);
    let s = has(&d, "ministry", "detect", "34 aircraft");
    assert_eq!(s.subject.kind, ArgumentKind::Concept);
    assert_eq!(s.subject.span, (0, 2));
    // The OpenIE reading keeps the words as written.
    let e = analyse(&d);
    let surface = e.iter().find_map(|e| {
        e.surface
            .as_ref()
            .filter(|s| s.relation.contains("detected"))
    });
    assert_eq!(surface.unwrap().arg1, "it");
    let d = doc("Police/NOUN/NNS/police/2/nsubj said/VERB/VBD/say/0/root they/PRON/PRP/they/4/nsubj arrested/VERB/VBD/arrest/2/ccomp two/NUM/CD/two/6/nummod men/NOUN/NNS/man/4/obj ./PUNCT/././2/punct", &[]);
    has(&d, "Police", "arrest", "two men");
    // A person is no "it"; an empty "it" is no one.
    let d = doc("The/DET/DT/the/2/det spokesman/NOUN/NN/spokesman/3/nsubj said/VERB/VBD/say/0/root it/PRON/PRP/it/6/nsubj would/AUX/MD/would/6/aux close/VERB/VB/close/3/ccomp the/DET/DT/the/8/det road/NOUN/NN/road/6/obj ./PUNCT/././3/punct", &[]);
    assert_eq!(
        has(&d, "it", "close", "road").subject.kind,
        ArgumentKind::Unresolved
    );
    let d = doc("The/DET/DT/the/2/det ministry/NOUN/NN/ministry/3/nsubj said/VERB/VBD/say/0/root it/PRON/PRP/it/7/nsubj was/AUX/VBD/be/7/cop too/ADV/RB/too/7/advmod early/ADJ/JJ/early/3/ccomp to/PART/TO/to/9/mark judge/VERB/VB/judge/7/xcomp ./PUNCT/././3/punct", &[]);
    assert!(
        triples(&d).iter().all(|t| t.0 != "ministry"),
        "{:?}",
        triples(&d)
    );
    // "they" described in a copular clause is often someone else.
    let d = doc("Reviewers/NOUN/NNS/reviewer/2/nsubj said/VERB/VBD/say/0/root they/PRON/PRP/they/5/nsubj were/AUX/VBD/be/5/cop pushy/ADJ/JJ/pushy/2/ccomp ./PUNCT/././2/punct", &[]);
    assert!(
        triples(&d)
            .iter()
            .all(|t| t.0 != "Reviewers" || t.1 == "say"),
        "{:?}",
        triples(&d)
    );
    // Whom the source told may be meant: "they" stays open.
    let d = doc("The/DET/DT/the/2/det tribes/NOUN/NNS/tribe/3/nsubj warned/VERB/VBD/warn/0/root the/DET/DT/the/5/det Taliban/PROPN/NNP/Taliban/3/iobj that/SCONJ/IN/that/10/mark they/PRON/PRP/they/10/nsubj:pass would/AUX/MD/would/10/aux be/AUX/VB/be/10/aux:pass resisted/VERB/VBN/resist/3/ccomp ./PUNCT/././3/punct", &[(4, 5, ORG)]);
    assert_eq!(
        has(&d, "they", "be resisted", "").subject.kind,
        ArgumentKind::Unresolved
    );
    // Only the clause the verb reports, not one inside it.
    let d = doc("Analysts/NOUN/NNS/analyst/2/nsubj said/VERB/VBD/say/0/root prices/NOUN/NNS/price/4/nsubj rose/VERB/VBD/rise/2/ccomp because/SCONJ/IN/because/7/mark they/PRON/PRP/they/7/nsubj ran/VERB/VBD/run/4/advcl out/ADV/RP/out/7/compound:prt ./PUNCT/././2/punct", &[]);
    assert!(
        triples(&d)
            .iter()
            .all(|t| t.1 != "run out" || t.0 == "they"),
        "{:?}",
        triples(&d)
    );
}

#[test]
fn a_harm_verb_after_a_passive_is_passive_without_its_auxiliary() {
    let d = doc("Two/NUM/CD/two/2/nummod people/NOUN/NNS/people/4/nsubj:pass were/AUX/VBD/be/4/aux:pass killed/VERB/VBN/kill/0/root and/CCONJ/CC/and/7/cc dozens/NOUN/NNS/dozen/7/nsubj injured/VERB/VBD/injure/4/conj ./PUNCT/././4/punct", &[]);
    assert!(has(&d, "dozens", "be injured", "").object.is_none());
    // A verb that can do without an object is what it says.
    let d = doc("Two/NUM/CD/two/2/nummod people/NOUN/NNS/people/4/nsubj:pass were/AUX/VBD/be/4/aux:pass killed/VERB/VBN/kill/0/root and/CCONJ/CC/and/7/cc others/NOUN/NNS/other/7/nsubj escaped/VERB/VBD/escape/4/conj ./PUNCT/././4/punct", &[]);
    has(&d, "others", "escape", "");
}

#[test]
fn the_words_of_an_amount_are_not_the_relations() {
    let d = doc("The/DET/DT/the/2/det vaccine/NOUN/NN/vaccine/3/nsubj proved/VERB/VBD/prove/0/root up/ADP/RP/up/3/compound:prt to/ADP/IN/to/7/case 77/NUM/CD/77/7/nummod percent/NOUN/NN/percent/3/obl ./PUNCT/././3/punct", &[]);
    has(&d, "vaccine", "prove", "up to 77 percent");
    // The OpenIE reading keeps them as written.
    let e = analyse(&d);
    assert!(
        e.iter().any(|e| e
            .surface
            .as_ref()
            .is_some_and(|s| s.relation == "proved up to")),
        "{:?}",
        e.iter().map(|e| &e.surface).collect::<Vec<_>>()
    );
}

#[test]
fn what_a_passive_with_an_agent_says_of_its_subject_joins_the_relation() {
    let d = doc("He/PRON/PRP/he/3/nsubj:pass was/AUX/VBD/be/3/aux:pass found/VERB/VBN/find/0/root guilty/ADJ/JJ/guilty/3/xcomp by/ADP/IN/by/7/case a/DET/DT/a/7/det jury/NOUN/NN/jury/3/obl:agent ./PUNCT/././3/punct", &[]);
    has(&d, "jury", "find guilty", "He");
    // Without an agent, the adjective is what is said.
    let d = doc("It/PRON/PRP/it/3/nsubj:pass was/AUX/VBD/be/3/aux:pass deemed/VERB/VBN/deem/0/root too/ADV/RB/too/5/advmod expensive/ADJ/JJ/expensive/3/xcomp ./PUNCT/././3/punct", &[]);
    has(&d, "It", "be deemed", "too expensive");
}

#[test]
fn a_named_possessor_is_part_of_a_concept() {
    let d = doc("Sudan/PROPN/NNP/Sudan/3/nmod:poss 's/PART/POS/'s/1/case army/NOUN/NN/army/4/nsubj agreed/VERB/VBD/agree/0/root to/ADP/IN/to/7/case a/DET/DT/a/7/det ceasefire/NOUN/NN/ceasefire/4/obl ./PUNCT/././4/punct", &[(0, 1, LOC)]);
    let s = has(&d, "Sudan's army", "agree to", "ceasefire");
    assert_eq!(s.subject.kind, ArgumentKind::Concept);
    // Not a pronoun or a common noun.
    let d = doc("Its/PRON/PRP$/its/2/nmod:poss army/NOUN/NN/army/3/nsubj agreed/VERB/VBD/agree/0/root to/ADP/IN/to/6/case a/DET/DT/a/6/det ceasefire/NOUN/NN/ceasefire/3/obl ./PUNCT/././3/punct", &[]);
    has(&d, "army", "agree to", "ceasefire");
    let d = doc("The/DET/DT/the/2/det company/NOUN/NN/company/4/nmod:poss 's/PART/POS/'s/2/case shares/NOUN/NNS/share/5/nsubj fell/VERB/VBD/fall/0/root ./PUNCT/././5/punct", &[]);
    has(&d, "shares", "fall", "");
    // After "of", one owner only.
    let d = doc("Shares/NOUN/NNS/share/4/nsubj of/ADP/IN/of/3/case Nvidia/PROPN/NNP/Nvidia/1/nmod fell/VERB/VBD/fall/0/root ./PUNCT/././4/punct", &[(2, 3, ORG)]);
    has(&d, "Shares of Nvidia", "fall", "");
    let d = doc("The/DET/DT/the/2/det leaders/NOUN/NNS/leader/7/nsubj of/ADP/IN/of/4/case Russia/PROPN/NNP/Russia/2/nmod and/CCONJ/CC/and/6/cc China/PROPN/NNP/China/4/conj met/VERB/VBD/meet/0/root ./PUNCT/././7/punct", &[(3, 4, LOC), (5, 6, LOC)]);
    assert!(
        triples(&d).iter().all(|t| t.0 != "leaders of Russia"),
        "{:?}",
        triples(&d)
    );
}

#[test]
fn an_argument_quantified_by_no_negates_the_statement() {
    let d = doc("The/DET/DT/the/2/det army/NOUN/NN/army/3/nsubj found/VERB/VBD/find/0/root no/DET/DT/no/5/det weapons/NOUN/NNS/weapon/3/obj ./PUNCT/././3/punct", &[]);
    assert!(has(&d, "army", "find", "weapons").negated);
    let d = doc("No/DET/DT/no/2/det civilians/NOUN/NNS/civilian/4/nsubj:pass were/AUX/VBD/be/4/aux:pass killed/VERB/VBN/kill/0/root ./PUNCT/././4/punct", &[]);
    assert!(has(&d, "civilians", "be killed", "").negated);
    // Through an infinitive: "had no plans to attend the summit".
    let d = doc("The/DET/DT/the/2/det Kremlin/PROPN/NNP/Kremlin/3/nsubj had/VERB/VBD/have/0/root no/DET/DT/no/5/det plans/NOUN/NNS/plan/3/obj to/PART/TO/to/7/mark attend/VERB/VB/attend/3/xcomp the/DET/DT/the/9/det summit/NOUN/NN/summit/7/obj ./PUNCT/././3/punct", &[(1, 2, ORG)]);
    assert!(has(&d, "Kremlin", "have to attend", "summit").negated);
    // A comparison denies nothing.
    let d = doc("Reporters/NOUN/NNS/reporter/2/nsubj have/VERB/VBP/have/0/root no/DET/DT/no/5/det higher/ADJ/JJR/high/5/amod aim/NOUN/NN/aim/2/obj than/ADP/IN/than/7/case praise/NOUN/NN/praise/5/nmod ./PUNCT/././2/punct", &[]);
    assert!(!has(&d, "Reporters", "have aim than", "praise").negated);
    let d = doc("The/DET/DT/the/2/det rebels/NOUN/NNS/rebel/3/nsubj had/VERB/VBD/have/0/root no/DET/DT/no/5/det choice/NOUN/NN/choice/3/obj but/SCONJ/IN/but/8/mark to/PART/TO/to/8/mark leave/VERB/VB/leave/5/acl ./PUNCT/././3/punct", &[]);
    assert!(!has(&d, "rebels", "have", "choice").negated);
}

#[test]
fn negation_and_modal_auxiliaries_are_attributes() {
    let d = doc("The/DET/DT/the/2/det firm/NOUN/NN/firm/5/nsubj did/AUX/VBD/do/5/aux not/PART/RB/not/5/advmod pay/VERB/VB/pay/0/root the/DET/DT/the/7/det workers/NOUN/NNS/worker/5/obj ./PUNCT/././5/punct", &[]);
    let s = has(&d, "firm", "pay", "workers");
    assert!(s.negated);
    let d = doc("The/DET/DT/the/2/det firm/NOUN/NN/firm/4/nsubj may/AUX/MD/may/4/aux pay/VERB/VB/pay/0/root the/DET/DT/the/6/det workers/NOUN/NNS/worker/4/obj ./PUNCT/././4/punct", &[]);
    let s = has(&d, "firm", "pay", "workers");
    assert!(!s.negated);
    assert_eq!(s.modality, Modality::Possible);
}

#[test]
fn pronouns_are_unresolved_with_their_span() {
    let d = doc("He/PRON/PRP/he/2/nsubj visited/VERB/VBD/visit/0/root Paris/PROPN/NNP/Paris/2/obj ./PUNCT/././2/punct", &[(2, 3, LOC)]);
    let s = has(&d, "He", "visit", "Paris");
    assert_eq!(s.subject.kind, ArgumentKind::Unresolved);
    assert_eq!(s.subject.span, (0, 1));
}

#[test]
fn a_title_is_not_part_of_the_name() {
    // The parser made the title the head of the name.
    let d = doc("Mayor/PROPN/NNP/Mayor/4/nsubj Ana/PROPN/NNP/Ana/1/flat Silva/PROPN/NNP/Silva/1/flat resigned/VERB/VBD/resign/0/root ./PUNCT/././4/punct", &[]);
    let s = has(&d, "Ana Silva", "resign", "");
    assert_eq!(s.subject.kind, ArgumentKind::Entity(PER));
    assert_eq!(s.subject.full_text, "Mayor Ana Silva");
}

#[test]
fn minimal_and_full_spans() {
    let d = doc("The/DET/DT/the/2/det army/NOUN/NN/army/3/nsubj fired/VERB/VBD/fire/0/root two/NUM/CD/two/6/nummod ballistic/ADJ/JJ/ballistic/6/amod missiles/NOUN/NNS/missile/3/obj toward/ADP/IN/toward/9/case the/DET/DT/the/9/det sea/NOUN/NN/sea/3/obl ./PUNCT/././3/punct", &[]);
    let s = has(&d, "army", "fire", "two ballistic missiles");
    let o = s.object.unwrap();
    assert_eq!(o.full_text, "two ballistic missiles");
    assert_eq!(o.kind, ArgumentKind::Concept);
    assert_eq!(o.span, (3, 6));
}

#[test]
fn possessives_are_read_as_has_for_benchmarks_only() {
    let d = doc("Ana/PROPN/NNP/Ana/3/nmod:poss 's/PART/POS/'s/1/case brother/NOUN/NN/brother/4/nsubj sings/VERB/VBZ/sing/0/root ./PUNCT/././4/punct", &[(0, 1, PER)]);
    let all = analyse(&d);
    let has_tuple = all
        .iter()
        .find(|e| e.surface.as_ref().is_some_and(|s| s.relation == "has"))
        .unwrap();
    assert!(!has_tuple.in_graph);
    assert_eq!(has_tuple.surface.as_ref().unwrap().args, ["brother"]);
}

#[test]
fn meetings_named_by_a_noun() {
    let d = doc("Talks/NOUN/NNS/talk/7/nsubj between/ADP/IN/between/3/case Ana/PROPN/NNP/Ana/1/nmod Silva/PROPN/NNP/Silva/3/flat and/CCONJ/CC/and/6/cc Tom/PROPN/NNP/Tom/3/conj ended/VERB/VBD/end/0/root ./PUNCT/././7/punct", &[(2, 4, PER), (5, 6, PER)]);
    has(&d, "Ana Silva", "meet", "Tom");
}

#[test]
fn the_two_leaders_are_the_last_named_pair() {
    let mut d = doc("Ana/PROPN/NNP/Ana/4/nsubj and/CCONJ/CC/and/3/cc Tom/PROPN/NNP/Tom/1/conj spoke/VERB/VBD/speak/0/root ./PUNCT/././4/punct", &[(0, 1, PER), (2, 3, PER)]);
    let second = doc("The/DET/DT/the/2/det meeting/NOUN/NN/meeting/8/nsubj of/ADP/IN/of/6/case the/DET/DT/the/6/det two/NUM/CD/two/6/nummod leaders/NOUN/NNS/leader/2/nmod at/ADP/IN/at/8/case Oslo/PROPN/NNP/Oslo/2/nmod ended/VERB/VBD/end/0/root ./PUNCT/././9/punct", &[(7, 8, LOC)]);
    let offset = d.text.len() + 1;
    d.text.push(' ');
    d.text.push_str(&second.text);
    let mut s = second.sentences[0].clone();
    s.start += offset;
    s.end += offset;
    for t in &mut s.tokens {
        t.start += offset;
        t.end += offset;
    }
    d.sentences.push(s);
    let st = has(&d, "Ana", "meet", "Tom");
    assert_eq!(st.qualifiers[0].role, Role::Location);
    assert_eq!(st.qualifiers[0].value.text, "Oslo");
}

/// Whether some graph statement has subject `s` and relation `r`, whatever its object.
fn has_relation(d: &Document, s: &str, r: &str) -> bool {
    extract(d)
        .iter()
        .any(|x| x.subject.text == s && x.relation.lemma == r)
}

#[test]
fn a_saying_verb_without_what_was_said_is_no_fact() {
    // "The ministry said" (what it said is elsewhere, or the parser lost it): the graph gets
    // nothing, the benchmarks keep the tuple.
    let d = doc("The/DET/DT/the/2/det ministry/NOUN/NN/ministry/3/nsubj said/VERB/VBD/say/0/root so/ADV/RB/so/3/advmod ./PUNCT/././3/punct", &[]);
    assert!(!has_relation(&d, "ministry", "say"), "{:?}", triples(&d));
    assert!(analyse(&d)
        .iter()
        .any(|e| !e.in_graph && e.surface.as_ref().is_some_and(|s| s.relation == "said")));
    // A circumstance is not what was said; what a verb is about is.
    let d = doc("Alexander/PROPN/NNP/Alexander/2/nsubj said/VERB/VBD/say/0/root after/ADP/IN/after/5/case this/DET/DT/this/5/det incident/NOUN/NN/incident/2/obl ./PUNCT/././2/punct", &[(0, 1, PER)]);
    assert!(!has_relation(&d, "Alexander", "say"), "{:?}", triples(&d));
    let d = doc("Porter/PROPN/NNP/Porter/2/nsubj wrote/VERB/VBD/write/0/root about/ADP/IN/about/5/case the/DET/DT/the/5/det war/NOUN/NN/war/2/obl ./PUNCT/././2/punct", &[(0, 1, PER)]);
    assert!(has_relation(&d, "Porter", "write"), "{:?}", triples(&d));
    // What was announced is the passive's subject: that is a fact.
    let d = doc("The/DET/DT/the/2/det shortlist/NOUN/NN/shortlist/4/nsubj:pass was/AUX/VBD/be/4/aux:pass announced/VERB/VBN/announce/0/root in/ADP/IN/in/6/case October/PROPN/NNP/October/4/obl ./PUNCT/././4/punct", &[]);
    has(&d, "shortlist", "be announced", "");
}

#[test]
fn a_verb_without_its_clausal_complement_is_no_fact() {
    // "The show was designed (to appear as if …)": designed, but what for is lost.
    let d = doc("The/DET/DT/the/2/det show/NOUN/NN/show/4/nsubj:pass was/AUX/VBD/be/4/aux:pass designed/VERB/VBN/design/0/root as/SCONJ/IN/as/8/mark if/SCONJ/IN/if/8/fixed it/PRON/PRP/it/8/nsubj mattered/VERB/VBD/matter/4/ccomp ./PUNCT/././4/punct", &[]);
    assert!(
        !has_relation(&d, "show", "be designed"),
        "{:?}",
        triples(&d)
    );
    // A complement the statement carries (an adjective read as the object) is no loss.
    let d = doc("The/DET/DT/the/2/det skirts/NOUN/NNS/skirt/3/nsubj became/VERB/VBD/become/0/root shorter/ADJ/JJR/short/3/xcomp ./PUNCT/././3/punct", &[]);
    has(&d, "skirts", "become", "shorter");
    // An intransitive verb needs nothing more; an adverbial clause the parser took for a
    // complement ("until …") is no complement.
    let d = doc("The/DET/DT/the/2/det talks/NOUN/NNS/talk/3/nsubj ended/VERB/VBD/end/0/root ./PUNCT/././3/punct", &[]);
    has(&d, "talks", "end", "");
    let d = doc("The/DET/DT/the/2/det strike/NOUN/NN/strike/4/nsubj will/AUX/MD/will/4/aux continue/VERB/VB/continue/0/root until/SCONJ/IN/until/8/mark the/DET/DT/the/7/det company/NOUN/NN/company/8/nsubj returns/VERB/VBZ/return/4/ccomp ./PUNCT/././4/punct", &[]);
    has(&d, "strike", "continue", "");
}

#[test]
fn an_argument_without_a_content_word_is_no_fact() {
    // "… so institutions do n't have to": the object is a lone particle.
    let d = doc("Institutions/NOUN/NNS/institution/2/nsubj have/VERB/VBP/have/0/root to/PART/TO/to/2/obj ./PUNCT/././2/punct", &[]);
    assert!(
        !has_relation(&d, "Institutions", "have"),
        "{:?}",
        triples(&d)
    );
    assert!(
        !has_relation(&d, "institutions", "have"),
        "{:?}",
        triples(&d)
    );
}

/// The source of a statement, or "" when it has none.
fn source(s: &Statement) -> String {
    s.attribution
        .as_ref()
        .map(|a| a.text.clone())
        .unwrap_or_default()
}

#[test]
fn a_report_after_its_clause_is_its_source_however_the_parser_hung_it() {
    // "Consumer prices rose 4.3 percent, the statistics office said last week.", with "rose" a
    // modifier clause of "said", the root.
    let d = doc("Consumer/NOUN/NN/consumer/2/compound prices/NOUN/NNS/price/3/nsubj rose/VERB/VBD/rise/10/advcl 4.3/NUM/CD/4.3/5/nummod percent/NOUN/NN/percent/3/obj ,/PUNCT/,/,/3/punct the/DET/DT/the/9/det statistics/NOUN/NNS/statistic/9/compound office/NOUN/NN/office/10/nsubj said/VERB/VBD/say/0/root last/ADJ/JJ/last/12/amod week/NOUN/NN/week/10/obl:unmarked ./PUNCT/././10/punct", &[]);
    assert_eq!(
        source(&has(&d, "Consumer prices", "rise", "4.3 percent")),
        "statistics office"
    );
    assert!(
        triples(&d).iter().all(|t| t.1 != "say"),
        "{:?}",
        triples(&d)
    );
    // The speaker set off by name, and the saying verb without a subject to the parser:
    // "The museum will return the objects, its director, Ulrike Brandt, said."
    let d = doc("The/DET/DT/the/2/det museum/NOUN/NN/museum/4/nsubj will/AUX/MD/will/4/aux return/VERB/VB/return/0/root the/DET/DT/the/6/det objects/NOUN/NNS/object/4/obj ,/PUNCT/,/,/9/punct its/PRON/PRP$/its/9/nmod:poss director/NOUN/NN/director/6/nmod ,/PUNCT/,/,/11/punct Ulrike/PROPN/NNP/Ulrike/9/appos Brandt/PROPN/NNP/Brandt/11/flat ,/PUNCT/,/,/11/punct said/VERB/VBD/say/4/parataxis ./PUNCT/././4/punct", &[(10, 12, PER)]);
    assert_eq!(
        source(&has(&d, "museum", "return", "objects")),
        "Ulrike Brandt"
    );
    // Inverted, with the speaker's own relative clause, which is not reported:
    // '"They burned the tankers," said Amina Saide, a trader whose shop was destroyed.'
    let d = doc("\"/PUNCT/``/\"/3/punct They/PRON/PRP/they/3/nsubj burned/VERB/VBD/burn/0/root the/DET/DT/the/5/det tankers/NOUN/NNS/tanker/3/obj ,/PUNCT/,/,/3/punct \"/PUNCT/''/\"/3/punct said/VERB/VBD/say/3/parataxis Amina/PROPN/NNP/Amina/8/nsubj Saide/PROPN/NNP/Saide/9/flat ,/PUNCT/,/,/13/punct a/DET/DT/a/13/det trader/NOUN/NN/trader/9/appos whose/PRON/WP$/whose/15/nmod:poss shop/NOUN/NN/shop/17/nsubj:pass was/AUX/VBD/be/17/aux:pass destroyed/VERB/VBN/destroy/13/acl:relcl ./PUNCT/././3/punct", &[(8, 10, PER)]);
    assert_eq!(source(&has(&d, "They", "burn", "tankers")), "Amina Saide");
    let destroyed = extract(&d)
        .into_iter()
        .find(|s| s.relation.lemma.contains("destroy"));
    assert_eq!(destroyed.map(|s| source(&s)), Some(String::new()));
}

#[test]
fn according_to_at_the_end_frames_the_whole_sentence() {
    // The phrase hung on a noun of the clause; a statement speaks for whoever issued it.
    let d = doc("The/DET/DT/the/2/det deal/NOUN/NN/deal/3/nsubj sets/VERB/VBZ/set/0/root quotas/NOUN/NNS/quota/3/obj ,/PUNCT/,/,/9/punct according/VERB/VBG/accord/9/case to/ADP/IN/to/6/fixed a/DET/DT/a/9/det statement/NOUN/NN/statement/4/nmod from/ADP/IN/from/12/case the/DET/DT/the/12/det ministry/NOUN/NN/ministry/9/nmod ./PUNCT/././3/punct", &[]);
    assert_eq!(source(&has(&d, "deal", "set", "quotas")), "ministry");
}

#[test]
fn a_saying_verb_joined_to_another_shares_its_speaker() {
    // "Officials deny the accusation and say the boats were enforcing a ban."
    let d = doc("Officials/NOUN/NNS/official/2/nsubj deny/VERB/VBP/deny/0/root the/DET/DT/the/4/det accusation/NOUN/NN/accusation/2/obj and/CCONJ/CC/and/6/cc say/VERB/VBP/say/2/conj the/DET/DT/the/8/det boats/NOUN/NNS/boat/10/nsubj were/AUX/VBD/be/10/aux enforcing/VERB/VBG/enforce/6/ccomp a/DET/DT/a/12/det ban/NOUN/NN/ban/10/obj ./PUNCT/././2/punct", &[]);
    assert_eq!(source(&has(&d, "boats", "enforce", "ban")), "Officials");
    assert!(
        triples(&d).iter().all(|t| t.1 != "say"),
        "{:?}",
        triples(&d)
    );
    // Not across a subject the parser left out: "X congratulated Y, and its chairman said …".
    let d = doc("ISRO/PROPN/NNP/ISRO/2/nsubj congratulated/VERB/VBD/congratulate/0/root them/PRON/PRP/they/2/obj ,/PUNCT/,/,/7/punct and/CCONJ/CC/and/7/cc chairman/NOUN/NN/chairman/2/conj said/VERB/VBD/say/2/conj it/PRON/PRP/it/10/nsubj would/AUX/MD/would/10/aux grow/VERB/VB/grow/7/ccomp ./PUNCT/././2/punct", &[(0, 1, ORG)]);
    assert_eq!(source(&has(&d, "it", "grow", "")), "");
}

#[test]
fn who_promises_or_denies_an_act_vouches_for_it() {
    let d = doc("Salazar/PROPN/NNP/Salazar/3/nsubj has/AUX/VBZ/have/3/aux promised/VERB/VBN/promise/0/root to/PART/TO/to/5/mark build/VERB/VB/build/3/xcomp an/DET/DT/a/7/det airport/NOUN/NN/airport/5/obj ./PUNCT/././3/punct", &[(0, 1, PER)]);
    let s = has(&d, "Salazar", "build", "airport");
    assert_eq!(
        (source(&s).as_str(), s.modality),
        ("Salazar", Modality::Planned)
    );
    let d = doc("Woldemichael/PROPN/NNP/Woldemichael/2/nsubj denied/VERB/VBD/deny/0/root taking/VERB/VBG/take/2/xcomp a/DET/DT/a/6/det banned/ADJ/JJ/banned/6/amod substance/NOUN/NN/substance/3/obj ./PUNCT/././2/punct", &[(0, 1, PER)]);
    let s = has(&d, "Woldemichael", "take", "banned substance");
    assert!(s.negated);
    assert_eq!(source(&s), "Woldemichael");
}

#[test]
fn nested_reports_give_the_innermost_speaker() {
    // "Ana said Ben had told her that prices rose."
    let d = doc("Ana/PROPN/NNP/Ana/2/nsubj said/VERB/VBD/say/0/root Ben/PROPN/NNP/Ben/5/nsubj had/AUX/VBD/have/5/aux told/VERB/VBN/tell/2/ccomp her/PRON/PRP/she/5/obj that/SCONJ/IN/that/9/mark prices/NOUN/NNS/price/9/nsubj rose/VERB/VBD/rise/5/ccomp ./PUNCT/././2/punct", &[(0, 1, PER), (2, 3, PER)]);
    assert_eq!(source(&has(&d, "prices", "rise", "")), "Ben");
    // A request reported by someone is on the reporter's word: "Salazar said his party would
    // ask the jury to annul the votes."
    let d = doc("Salazar/PROPN/NNP/Salazar/2/nsubj said/VERB/VBD/say/0/root his/PRON/PRP$/his/4/nmod:poss party/NOUN/NN/party/6/nsubj would/AUX/MD/would/6/aux ask/VERB/VB/ask/2/ccomp the/DET/DT/the/8/det jury/NOUN/NN/jury/6/obj to/PART/TO/to/10/mark annul/VERB/VB/annul/6/xcomp the/DET/DT/the/12/det votes/NOUN/NNS/vote/10/obj ./PUNCT/././2/punct", &[(0, 1, PER)]);
    let s = has(&d, "jury", "annul", "votes");
    assert_eq!(
        (source(&s).as_str(), s.modality),
        ("Salazar", Modality::Requested)
    );
    // What a thing shows is the speaker's finding: "The group said the decision showed the
    // government had relied on companies."
    let d = doc("The/DET/DT/the/2/det group/NOUN/NN/group/3/nsubj said/VERB/VBD/say/0/root the/DET/DT/the/5/det decision/NOUN/NN/decision/6/nsubj showed/VERB/VBD/show/3/ccomp the/DET/DT/the/8/det government/NOUN/NN/government/10/nsubj had/AUX/VBD/have/10/aux relied/VERB/VBN/rely/6/ccomp on/ADP/IN/on/12/case companies/NOUN/NNS/company/10/obl ./PUNCT/././3/punct", &[]);
    assert_eq!(
        source(&has(&d, "government", "rely on", "companies")),
        "group"
    );
}

#[test]
fn a_claim_named_by_a_noun_is_its_makers() {
    // "The ministry did not confirm reports by residents that fighters had been killed."
    let d = doc("The/DET/DT/the/2/det ministry/NOUN/NN/ministry/5/nsubj did/AUX/VBD/do/5/aux not/PART/RB/not/5/advmod confirm/VERB/VB/confirm/0/root reports/NOUN/NNS/report/5/obj by/ADP/IN/by/8/case residents/NOUN/NNS/resident/6/nmod that/SCONJ/IN/that/13/mark fighters/NOUN/NNS/fighter/13/nsubj:pass had/AUX/VBD/have/13/aux been/AUX/VBN/be/13/aux:pass killed/VERB/VBN/kill/6/acl ./PUNCT/././5/punct", &[]);
    let killed = extract(&d)
        .into_iter()
        .find(|s| s.relation.lemma.contains("kill"));
    assert_eq!(killed.map(|s| source(&s)), Some("residents".to_string()));
}

#[test]
fn an_apposition_inside_a_report_is_the_writers() {
    // "Van der Linde said Kattegat, a Danish utility, would invest money."
    let d = doc("Linde/PROPN/NNP/Linde/2/nsubj said/VERB/VBD/say/0/root Kattegat/PROPN/NNP/Kattegat/10/nsubj ,/PUNCT/,/,/7/punct a/DET/DT/a/7/det Danish/ADJ/JJ/danish/7/amod utility/NOUN/NN/utility/3/appos ,/PUNCT/,/,/7/punct would/AUX/MD/would/10/aux invest/VERB/VB/invest/2/ccomp money/NOUN/NN/money/10/obj ./PUNCT/././2/punct", &[(0, 1, PER), (2, 3, ORG)]);
    assert_eq!(source(&has(&d, "Kattegat", "be", "Danish utility")), "");
    assert_eq!(source(&has(&d, "Kattegat", "invest", "money")), "Linde");
}

#[test]
fn a_concept_keeps_its_number_and_its_kind() {
    // The number with its noun, also a number of two words.
    let d = doc("Police/NOUN/NNS/police/2/nsubj arrested/VERB/VBD/arrest/0/root 17/NUM/CD/17/4/nummod people/NOUN/NNS/person/2/obj ./PUNCT/././2/punct", &[]);
    has(&d, "Police", "arrest", "17 people");
    let d = doc("The/DET/DT/the/2/det scheme/NOUN/NN/scheme/3/nsubj diverted/VERB/VBD/divert/0/root 18/NUM/CD/18/5/compound million/NUM/CD/million/6/nummod reais/NOUN/NNS/reai/3/obj ./PUNCT/././3/punct", &[]);
    has(&d, "scheme", "divert", "18 million reais");
    // A bare noun after "of" says which kind of thing it is.
    let d = doc("The/DET/DT/the/2/det government/NOUN/NN/government/3/nsubj declared/VERB/VBD/declare/0/root a/DET/DT/a/5/det state/NOUN/NN/state/3/obj of/ADP/IN/of/7/case emergency/NOUN/NN/emergency/5/nmod ./PUNCT/././3/punct", &[]);
    has(&d, "government", "declare", "state of emergency");
    // Not a thing of its own ("the head of the army"), nor an act ("of smuggling fuel").
    let d = doc("Rebels/NOUN/NNS/rebel/2/nsubj killed/VERB/VBD/kill/0/root the/DET/DT/the/4/det head/NOUN/NN/head/2/obj of/ADP/IN/of/7/case the/DET/DT/the/7/det army/NOUN/NN/army/4/nmod ./PUNCT/././2/punct", &[]);
    has(&d, "Rebels", "kill", "head");
    let d = doc("Officials/NOUN/NNS/official/2/nsubj accused/VERB/VBD/accuse/0/root the/DET/DT/the/4/det tanker/NOUN/NN/tanker/2/obj of/ADP/IN/of/7/case smuggling/NOUN/NN/smuggling/7/compound fuel/NOUN/NN/fuel/4/nmod ./PUNCT/././2/punct", &[]);
    has(&d, "Officials", "accuse", "tanker");
}

#[test]
fn a_former_office_is_another_role() {
    let d = doc("Ana/PROPN/NNP/Ana/8/nsubj Lind/PROPN/NNP/Lind/1/flat ,/PUNCT/,/,/7/punct a/DET/DT/a/7/det former/ADJ/JJ/former/7/amod Ericsson/PROPN/NNP/Ericsson/7/compound executive/NOUN/NN/executive/1/appos resigned/VERB/VBD/resign/0/root ./PUNCT/././8/punct", &[(0, 2, PER), (5, 6, ORG)]);
    has(&d, "Ana Lind", "former executive of", "Ericsson");
    // Past the organisation's name only such a qualifier: a noun there is no part of the role.
    let d = doc("Ana/PROPN/NNP/Ana/8/nsubj Lind/PROPN/NNP/Lind/1/flat ,/PUNCT/,/,/7/punct the/DET/DT/the/7/det praise/NOUN/NN/praise/7/compound Ericsson/PROPN/NNP/Ericsson/7/compound executive/NOUN/NN/executive/1/appos resigned/VERB/VBD/resign/0/root ./PUNCT/././8/punct", &[(0, 2, PER), (5, 6, ORG)]);
    has(&d, "Ana Lind", "executive of", "Ericsson");
}

#[test]
fn a_title_in_apposition_to_the_noun_before_it_is_no_role_of_that_noun() {
    // "including Cabinet Premier Kim Tok Hun", with "Premier Kim Tok Hun" in apposition.
    let d = doc("Officials/NOUN/NNS/official/6/nsubj including/VERB/VBG/include/3/case Cabinet/NOUN/NN/cabinet/1/nmod Premier/PROPN/NNP/Premier/3/appos Kim/PROPN/NNP/Kim/4/flat left/VERB/VBD/leave/0/root ./PUNCT/././6/punct", &[(4, 5, PER)]);
    assert!(
        triples(&d)
            .iter()
            .all(|(_, r, o)| !(r == "be" && o == "Cabinet")),
        "{:?}",
        triples(&d)
    );
    // A name right after a common noun is still what the noun says: "the journalist Petar".
    let d = doc("Police/NOUN/NNS/police/2/nsubj freed/VERB/VBD/free/0/root the/DET/DT/the/4/det journalist/NOUN/NN/journalist/2/obj Petar/PROPN/NNP/Petar/4/appos Dimitrov/PROPN/NNP/Dimitrov/5/flat ./PUNCT/././2/punct", &[(4, 6, PER)]);
    has(&d, "Petar Dimitrov", "be", "journalist");
}

#[test]
fn a_gerund_after_for_is_done_by_the_one_the_verb_acts_on() {
    // "Police arrested the fishermen for using nets": the fishermen used them.
    let d = doc("Police/NOUN/NNS/police/2/nsubj arrested/VERB/VBD/arrest/0/root the/DET/DT/the/4/det fishermen/NOUN/NNS/fisherman/2/obj for/SCONJ/IN/for/6/mark using/VERB/VBG/use/2/advcl nets/NOUN/NNS/net/6/obj ./PUNCT/././2/punct", &[]);
    has(&d, "fishermen", "use", "nets");
    // After a passive, its subject: "the fishermen were arrested for using nets".
    let d = doc("The/DET/DT/the/2/det fishermen/NOUN/NNS/fisherman/4/nsubj:pass were/AUX/VBD/be/4/aux:pass arrested/VERB/VBN/arrest/0/root for/SCONJ/IN/for/6/mark using/VERB/VBG/use/4/advcl nets/NOUN/NNS/net/6/obj ./PUNCT/././4/punct", &[]);
    has(&d, "fishermen", "use", "nets");
    // A thing paid is no doer: "the firm paid $5 million for using the patent".
    let d = doc("The/DET/DT/the/2/det firm/NOUN/NN/firm/3/nsubj paid/VERB/VBD/pay/0/root fees/NOUN/NNS/fee/3/obj for/SCONJ/IN/for/6/mark using/VERB/VBG/use/3/advcl patents/NOUN/NNS/patent/6/obj ./PUNCT/././3/punct", &[]);
    has(&d, "firm", "use", "patents");
    // "Ana was awarded a medal for saving Rui": Ana saved him, not the medal.
    let d = doc("Ana/PROPN/NNP/Ana/3/nsubj:pass was/AUX/VBD/be/3/aux:pass awarded/VERB/VBN/award/0/root a/DET/DT/a/5/det medal/NOUN/NN/medal/3/obj for/SCONJ/IN/for/7/mark saving/VERB/VBG/save/3/advcl Rui/PROPN/NNP/Rui/7/obj ./PUNCT/././3/punct", &[(0, 1, PER), (6, 7, PER)]);
    has(&d, "Ana", "save", "Rui");
    // "People went without buying food": not bought.
    let d = doc("People/NOUN/NNS/people/2/nsubj went/VERB/VBD/go/0/root without/SCONJ/IN/without/4/mark buying/VERB/VBG/buy/2/advcl food/NOUN/NN/food/4/obj ./PUNCT/././2/punct", &[]);
    assert!(has(&d, "People", "buy", "food").negated);
}

#[test]
fn who_after_a_place_stands_for_the_noun_the_place_modifies() {
    // "Police seek a buyer in Thailand who ordered the shipment".
    let d = doc("Police/NOUN/NNS/police/2/nsubj seek/VERB/VBP/seek/0/root a/DET/DT/a/4/det buyer/NOUN/NN/buyer/2/obj in/ADP/IN/in/6/case Thailand/PROPN/NNP/Thailand/4/nmod who/PRON/WP/who/8/nsubj ordered/VERB/VBD/order/6/acl:relcl the/DET/DT/the/10/det shipment/NOUN/NN/shipment/8/obj ./PUNCT/././2/punct", &[(5, 6, EntityType::Place)]);
    has(&d, "buyer", "order", "shipment");
}

#[test]
fn believed_to_is_possible() {
    // "The attackers are believed to belong to the group".
    let d = doc("The/DET/DT/the/2/det attackers/NOUN/NNS/attacker/4/nsubj:pass are/AUX/VBP/be/4/aux:pass believed/VERB/VBN/believe/0/root to/PART/TO/to/6/mark belong/VERB/VB/belong/4/xcomp to/ADP/IN/to/9/case the/DET/DT/the/9/det group/NOUN/NN/group/6/obl ./PUNCT/././4/punct", &[]);
    let s = has(&d, "attackers", "belong to", "group");
    assert_eq!(s.modality, Modality::Possible);
}

#[test]
fn a_relative_clause_reporting_a_clause_leaves_the_noun_to_it() {
    // "She thanked her aunt, who she said had inspired the story": the aunt inspired it, on
    // her word; no one said the aunt.
    let d = doc("She/PRON/PRP/she/2/nsubj thanked/VERB/VBD/thank/0/root her/PRON/PRP$/her/4/nmod:poss aunt/NOUN/NN/aunt/2/obj ,/PUNCT/,/,/8/punct who/PRON/WP/who/10/nsubj she/PRON/PRP/she/8/nsubj said/VERB/VBD/say/4/acl:relcl had/AUX/VBD/have/10/aux inspired/VERB/VBN/inspire/8/ccomp the/DET/DT/the/12/det story/NOUN/NN/story/10/obj ./PUNCT/././2/punct", &[]);
    let all = analyse(&d);
    let inspired = all
        .iter()
        .find(|e| e.statement.relation.lemma == "inspire")
        .expect("inspire");
    assert_eq!(inspired.statement.subject.text, "aunt");
    assert!(
        all.iter().all(|e| !(e.statement.relation.lemma == "say"
            && e.statement
                .object
                .as_ref()
                .is_some_and(|o| o.text == "aunt"))),
        "{:?}",
        triples(&d)
    );
}

#[test]
fn a_relative_head_in_a_prepositional_phrase_is_read_without_its_preposition() {
    // "The seat was safe for the party, which held it": the party held it.
    let d = doc("The/DET/DT/the/2/det seat/NOUN/NN/seat/4/nsubj was/AUX/VBD/be/4/cop safe/ADJ/JJ/safe/0/root for/ADP/IN/for/7/case the/DET/DT/the/7/det party/NOUN/NN/party/4/obl ,/PUNCT/,/,/10/punct which/PRON/WDT/which/10/nsubj held/VERB/VBD/hold/7/acl:relcl it/PRON/PRP/it/10/obj ./PUNCT/././4/punct", &[]);
    let surfaces: Vec<Surface> = analyse(&d).into_iter().filter_map(|e| e.surface).collect();
    assert!(
        surfaces
            .iter()
            .any(|s| s.arg1 == "the party" && s.relation == "held"),
        "{surfaces:?}"
    );
}

#[test]
fn an_age_after_a_name_is_no_part_of_it() {
    // "Stanley Canter, 66, would retire".
    let d = doc("Stanley/PROPN/NNP/Stanley/7/nsubj Canter/PROPN/NNP/Canter/1/flat ,/PUNCT/,/,/4/punct 66/NUM/CD/66/1/nmod:unmarked ,/PUNCT/,/,/4/punct would/AUX/MD/would/7/aux retire/VERB/VB/retire/0/root ./PUNCT/././7/punct", &[(0, 2, PER)]);
    let surfaces: Vec<Surface> = analyse(&d).into_iter().filter_map(|e| e.surface).collect();
    assert!(
        surfaces
            .iter()
            .any(|s| s.arg1 == "Stanley Canter" && s.relation == "would retire"),
        "{surfaces:?}"
    );
}

#[test]
fn a_description_in_apposition_with_a_name_is_the_name_as_a_verbs_argument() {
    // "Revontuli Health, a group that runs 14 clinics, said …": the group that runs them is
    // Revontuli Health; the apposition itself still says what it is.
    let d = doc(
        "Revontuli/PROPN/NNP/Revontuli/2/compound Health/PROPN/NNP/Health/10/nsubj \
         ,/PUNCT/,/,/5/punct a/DET/DT/a/5/det group/NOUN/NN/group/2/appos \
         that/PRON/WDT/that/7/nsubj runs/VERB/VBZ/run/5/acl:relcl 14/NUM/CD/14/9/nummod \
         clinics/NOUN/NNS/clinic/7/obj said/VERB/VBD/say/0/root",
        &[(0, 2, EntityType::Organization)],
    );
    has(&d, "Revontuli Health", "run", "14 clinics");
    has(&d, "Revontuli Health", "be", "group");
}

#[test]
fn a_role_of_his_is_a_role_of_whom_his_stands_for() {
    let d = doc(
        "his/PRON/PRP$/he/2/nmod:poss lawyer/NOUN/NN/lawyer/7/nsubj ,/PUNCT/,/,/4/punct \
         Beatriz/PROPN/NNP/Beatriz/2/appos Fontoura/PROPN/NNP/Fontoura/4/flat \
         ,/PUNCT/,/,/4/punct said/VERB/VBD/say/0/root",
        &[(3, 5, EntityType::Person)],
    );
    let s = has(&d, "Beatriz Fontoura", "lawyer of", "his");
    let o = s.object.unwrap();
    // The pronoun alone, for coreference to resolve.
    assert_eq!((o.kind, o.span), (ArgumentKind::Unresolved, (0, 1)));
}

#[test]
fn a_role_belongs_to_the_name_that_owns_it_or_follows_its_description() {
    // The recogniser typed the club as a person: its name owns the title, it is not the
    // title's person.
    let d = doc(
        "Riachuelo/PROPN/NNP/Riachuelo/3/nmod:poss 's/PART/POS/'s/1/case \
         president/NOUN/NN/president/8/nsubj ,/PUNCT/,/,/6/punct Hugo/PROPN/NNP/Hugo/6/compound \
         Benítez/PROPN/NNP/Benítez/3/appos ,/PUNCT/,/,/3/punct said/VERB/VBD/say/0/root",
        &[(0, 1, EntityType::Person), (4, 6, EntityType::Person)],
    );
    has(&d, "Hugo Benítez", "president of", "Riachuelo");
    let d = doc(
        "Salazar/PROPN/NNP/Salazar/13/nsubj ,/PUNCT/,/,/5/punct a/DET/DT/a/5/det \
         former/ADJ/JJ/former/5/amod chairman/NOUN/NN/chairman/1/appos of/ADP/IN/of/9/case \
         the/DET/DT/the/9/det mining/NOUN/NN/mining/9/compound company/NOUN/NN/company/5/nmod \
         Cerro/PROPN/NNP/Cerro/11/compound Blanco/PROPN/NNP/Blanco/5/nmod \
         ,/PUNCT/,/,/5/punct promised/VERB/VBD/promise/0/root",
        &[(0, 1, EntityType::Person), (9, 11, EntityType::Person)],
    );
    has(&d, "Salazar", "former chairman of", "Cerro Blanco");
}

#[test]
fn an_apposition_after_a_coordinated_noun_is_that_nouns() {
    // "the minister, Abenov, and his counterpart, Rakhimova": she is the counterpart, whom the
    // parser hung on the minister.
    let d = doc(
        "the/DET/DT/the/2/det minister/NOUN/NN/minister/12/nsubj ,/PUNCT/,/,/4/punct \
         Abenov/PROPN/NNP/Abenov/2/conj ,/PUNCT/,/,/8/punct and/CCONJ/CC/and/8/cc \
         his/PRON/PRP$/he/8/nmod:poss counterpart/NOUN/NN/counterpart/2/conj \
         ,/PUNCT/,/,/10/punct Rakhimova/PROPN/NNP/Rakhimova/2/appos ,/PUNCT/,/,/2/punct \
         signed/VERB/VBD/sign/0/root",
        &[(3, 4, EntityType::Person), (9, 10, EntityType::Person)],
    );
    has(&d, "Rakhimova", "counterpart of", "his");
    assert!(!triples(&d)
        .iter()
        .any(|(s, r, _)| s == "Rakhimova" && r == "be"));
}

#[test]
fn a_bare_noun_beside_a_name_is_a_list_item_not_its_description() {
    // "include tea extract, CLA, chromium": the parser's apposition is a list.
    let d = doc(
        "agents/NOUN/NNS/agent/2/nsubj include/VERB/VBP/include/0/root tea/NOUN/NN/tea/4/compound \
         extract/NOUN/NN/extract/2/obj ,/PUNCT/,/,/6/punct CLA/PROPN/NNP/CLA/4/appos \
         ,/PUNCT/,/,/8/punct chromium/NOUN/NN/chromium/4/conj",
        &[(5, 6, EntityType::Organization)],
    );
    has(&d, "agents", "include", "tea extract");
}

#[test]
fn a_role_for_or_at_an_organisation_and_a_places_capital_are_roles() {
    let d = doc(
        "Condori/PROPN/NNP/Condori/0/root ,/PUNCT/,/,/4/punct a/DET/DT/a/4/det \
         spokeswoman/NOUN/NN/spokeswoman/1/appos for/ADP/IN/for/7/case the/DET/DT/the/7/det \
         cooperative/NOUN/NN/cooperative/4/nmod",
        &[(0, 1, EntityType::Person)],
    );
    let s = has(&d, "Condori", "spokeswoman of", "cooperative");
    assert_eq!(s.object.unwrap().kind, ArgumentKind::Concept);
    let d = doc(
        "Rasoanaivo/PROPN/NNP/Rasoanaivo/0/root ,/PUNCT/,/,/4/punct a/DET/DT/a/4/det \
         veterinarian/NOUN/NN/veterinarian/1/appos at/ADP/IN/at/6/case \
         Lamboara/PROPN/NNP/Lamboara/4/nmod",
        &[(0, 1, EntityType::Person), (5, 6, EntityType::Place)],
    );
    has(&d, "Rasoanaivo", "veterinarian at", "Lamboara");
    let d = doc(
        "Pemba/PROPN/NNP/Pemba/0/root ,/PUNCT/,/,/4/punct the/DET/DT/the/4/det \
         capital/NOUN/NN/capital/1/appos of/ADP/IN/of/6/case Cabo/PROPN/NNP/Cabo/4/nmod",
        &[(0, 1, EntityType::Place), (5, 6, EntityType::Place)],
    );
    has(&d, "Pemba", "capital of", "Cabo");
}

#[test]
fn a_prepositional_argument_of_a_verb_with_an_object_is_a_second_object() {
    // "paid 18 million reais | to two officials | on Monday | in Brasilia": the recipient is
    // a second object; the time and the place where stay qualifiers.
    let d = doc("Ana/PROPN/NNP/Ana/2/nsubj paid/VERB/VBD/pay/0/root a/DET/DT/a/4/det bribe/NOUN/NN/bribe/2/obj to/ADP/IN/to/7/case two/NUM/CD/two/7/nummod officials/NOUN/NNS/official/2/obl on/ADP/IN/on/9/case Monday/PROPN/NNP/Monday/2/obl in/ADP/IN/in/11/case Brasilia/PROPN/NNP/Brasilia/2/obl ./PUNCT/././2/punct", &[(0, 1, PER), (10, 11, LOC)]);
    let first = has(&d, "Ana", "pay", "bribe");
    assert!(first
        .qualifiers
        .iter()
        .any(|q| q.value.text == "two officials"));
    let second = has(&d, "Ana", "pay to", "two officials");
    assert!(second
        .qualifiers
        .iter()
        .all(|q| q.value.text != "two officials"));
    assert!(second.qualifiers.iter().any(|q| q.role == Role::Time));
    let all = triples(&d);
    assert!(
        !all.iter().any(|(_, r, _)| r == "pay on" || r == "pay in"),
        "{all:?}"
    );
    // Only the graph has it: the surface tuple carries the recipient as an argument.
    let surfaces = analyse(&d)
        .into_iter()
        .filter(|e| e.surface.is_some())
        .count();
    assert_eq!(surfaces, 1);
}

#[test]
fn a_bare_noun_with_its_own_preposition_is_the_verbs_support() {
    let d = doc("The/DET/DT/the/2/det group/NOUN/NN/group/3/nsubj claimed/VERB/VBD/claim/0/root responsibility/NOUN/NN/responsibility/3/obj for/ADP/IN/for/7/case the/DET/DT/the/7/det attack/NOUN/NN/attack/4/nmod ./PUNCT/././3/punct", &[]);
    assert_eq!(
        triples(&d),
        [(
            "group".into(),
            "claim responsibility for".into(),
            "attack".into()
        )]
    );
    // A noun with a determiner of its own stays the object: "signed a plan for the lake".
    let d = doc("Leaders/NOUN/NNS/leader/2/nsubj adopted/VERB/VBD/adopt/0/root a/DET/DT/a/4/det plan/NOUN/NN/plan/2/obj for/ADP/IN/for/7/case the/DET/DT/the/7/det lake/NOUN/NN/lake/4/nmod ./PUNCT/././2/punct", &[]);
    has(&d, "Leaders", "adopt", "plan");
    // The preposition hung on the verb right after the noun, with coordinated targets: "set fire
    // to tankers and depots".
    let d = doc("Fighters/NOUN/NNS/fighter/2/nsubj set/VERB/VBD/set/0/root fire/NOUN/NN/fire/2/obj to/ADP/IN/to/5/case tankers/NOUN/NNS/tanker/2/obl and/CCONJ/CC/and/7/cc depots/NOUN/NNS/depot/5/conj ./PUNCT/././2/punct", &[]);
    assert_eq!(
        triples(&d),
        [
            ("Fighters".into(), "set fire to".into(), "tankers".into()),
            ("Fighters".into(), "set fire to".into(), "depots".into())
        ]
    );
    // Not a verb's noun in -ing: "cut spending on subsidies" cuts the spending.
    let d = doc("Ghana/PROPN/NNP/Ghana/2/nsubj cut/VERB/VBD/cut/0/root spending/NOUN/NN/spending/2/obj on/ADP/IN/on/5/case subsidies/NOUN/NNS/subsidy/3/nmod ./PUNCT/././2/punct", &[]);
    has(&d, "Ghana", "cut", "spending");
}

#[test]
fn an_adjective_complement_takes_its_preposition_into_the_relation() {
    let d = doc("Ana/PROPN/NNP/Ana/2/nsubj tested/VERB/VBD/test/0/root positive/ADJ/JJ/positive/2/xcomp for/ADP/IN/for/5/case EPO/PROPN/NNP/EPO/3/obl ./PUNCT/././2/punct", &[(0, 1, PER)]);
    assert_eq!(
        triples(&d),
        [("Ana".into(), "test positive for".into(), "EPO".into())]
    );
    // Said of an object, it stays in the relation without taking the phrase.
    let d = doc("Floods/NOUN/NNS/flood/2/nsubj left/VERB/VBD/leave/0/root the/DET/DT/the/4/det area/NOUN/NN/area/2/obj vulnerable/ADJ/JJ/vulnerable/2/xcomp to/ADP/IN/to/7/case storms/NOUN/NNS/storm/5/obl ./PUNCT/././2/punct", &[]);
    has(&d, "Floods", "leave vulnerable", "area");
}

#[test]
fn argument_keeps_the_restrictive_clause_that_identifies_it() {
    // "Pagans scorned the man who trembled with fear": the man is the one who trembled; the
    // clause's own statement keeps the bare noun as its subject.
    let d = doc("Pagans/NOUN/NNS/pagan/2/nsubj scorned/VERB/VBD/scorn/0/root the/DET/DT/the/4/det man/NOUN/NN/man/2/obj who/PRON/WP/who/6/nsubj trembled/VERB/VBD/tremble/4/acl:relcl with/ADP/IN/with/8/case fear/NOUN/NN/fear/6/obl ./PUNCT/././2/punct", &[]);
    let s = has(&d, "Pagans", "scorn", "man");
    assert_eq!(
        s.object.unwrap().full_text,
        "the man who trembled with fear"
    );
    let s = has(&d, "man", "tremble with", "fear");
    assert_eq!(s.subject.full_text, "the man");
}

#[test]
fn argument_leaves_out_a_clause_set_off_by_a_comma() {
    let d = doc("Pagans/NOUN/NNS/pagan/2/nsubj scorned/VERB/VBD/scorn/0/root the/DET/DT/the/4/det man/NOUN/NN/man/2/obj ,/PUNCT/,/,/7/punct who/PRON/WP/who/7/nsubj trembled/VERB/VBD/tremble/4/acl:relcl ./PUNCT/././2/punct", &[]);
    let s = has(&d, "Pagans", "scorn", "man");
    assert_eq!(s.object.unwrap().full_text, "the man");
}

#[test]
fn an_infinitive_of_purpose_is_planned_and_a_complement_shares_its_governors_modal() {
    let d = doc("Arad/PROPN/NNP/Arad/2/nsubj enrolled/VERB/VBD/enroll/0/root at/ADP/IN/at/4/case Hofstra/PROPN/NNP/Hofstra/2/obl to/PART/TO/to/6/mark study/VERB/VB/study/2/advcl management/NOUN/NN/management/6/obj ./PUNCT/././2/punct", &[(0, 1, PER), (3, 4, ORG)]);
    assert_eq!(
        has(&d, "Arad", "enroll at", "Hofstra").modality,
        Modality::Asserted
    );
    assert_eq!(
        has(&d, "Arad", "study", "management").modality,
        Modality::Planned
    );
    let d = doc("A/DET/DT/a/2/det sale/NOUN/NN/sale/4/nsubj could/AUX/MD/could/4/aux help/VERB/VB/help/0/root Armstrong/PROPN/NNP/Armstrong/4/obj reassure/VERB/VB/reassure/4/xcomp investors/NOUN/NNS/investor/6/obj ./PUNCT/././4/punct", &[(4, 5, ORG)]);
    assert_eq!(
        has(&d, "Armstrong", "reassure", "investors").modality,
        Modality::Possible
    );
}

#[test]
fn the_object_of_any_verb_does_what_its_infinitive_says() {
    // UD: an xcomp's subject is the governor's object. "hire" is in no verb list.
    let d = doc("The/DET/DT/the/2/det company/NOUN/NN/company/3/nsubj hired/VERB/VBD/hire/0/root consultants/NOUN/NNS/consultant/3/obj to/PART/TO/to/6/mark review/VERB/VB/review/3/xcomp its/PRON/PRP$/its/8/nmod:poss accounts/NOUN/NNS/account/6/obj ./PUNCT/././3/punct", &[]);
    assert_eq!(
        has(&d, "company", "hire", "consultants").modality,
        Modality::Asserted
    );
    assert_eq!(
        has(&d, "consultants", "review", "accounts").modality,
        Modality::Planned
    );
    assert!(!triples(&d).iter().any(|(_, r, _)| r.contains(" to ")));
}

#[test]
fn a_description_owned_by_a_country_is_a_role_in_it() {
    let d = doc("BNL/PROPN/NNP/BNL/8/nsubj ,/PUNCT/,/,/5/punct Italy/PROPN/NNP/Italy/5/nmod:poss 's/PART/POS/'s/3/case bank/NOUN/NN/bank/1/appos ,/PUNCT/,/,/5/punct has/AUX/VBZ/have/8/aux filed/VERB/VBN/file/0/root charges/NOUN/NNS/charge/8/obj ./PUNCT/././8/punct", &[(0, 1, ORG), (2, 3, LOC)]);
    has(&d, "BNL", "be bank of", "Italy");
    assert!(!triples(&d).iter().any(|(_, r, _)| r == "be"));
    // A rank stays the description: "Italy's largest bank".
    let d = doc("BNL/PROPN/NNP/BNL/9/nsubj ,/PUNCT/,/,/6/punct Italy/PROPN/NNP/Italy/6/nmod:poss 's/PART/POS/'s/3/case largest/ADJ/JJS/large/6/amod bank/NOUN/NN/bank/1/appos ,/PUNCT/,/,/6/punct has/AUX/VBZ/have/9/aux filed/VERB/VBN/file/0/root charges/NOUN/NNS/charge/9/obj ./PUNCT/././9/punct", &[(0, 1, ORG), (2, 3, LOC)]);
    has(&d, "BNL", "be", "Italy's largest bank");
}

#[test]
fn a_subject_quantified_by_neither_negates_the_statement() {
    let d = doc("Neither/DET/DT/neither/2/det film/NOUN/NN/film/4/nsubj has/AUX/VBZ/have/4/aux found/VERB/VBN/find/0/root a/DET/DT/a/6/det distributor/NOUN/NN/distributor/4/obj ./PUNCT/././4/punct", &[]);
    assert!(has(&d, "film", "find", "distributor").negated);
}

#[test]
fn an_adverb_that_completes_a_verb_without_an_object_joins_the_relation() {
    let d = doc("Ventures/NOUN/NNS/venture/3/nsubj have/AUX/VBP/have/3/aux gone/VERB/VBN/go/0/root awry/ADV/RB/awry/3/advmod ./PUNCT/././3/punct", &[]);
    has(&d, "Ventures", "go awry", "");
    // A manner adverb in -ly or a word of time stays out.
    let d = doc("Prices/NOUN/NNS/price/2/nsubj rose/VERB/VBD/rise/0/root sharply/ADV/RB/sharply/2/advmod again/ADV/RB/again/2/advmod ./PUNCT/././2/punct", &[]);
    has(&d, "Prices", "rise", "");
}

#[test]
fn a_passive_agent_described_before_its_name_is_the_name() {
    let d = doc("The/DET/DT/the/2/det jury/NOUN/NN/jury/11/nsubj ,/PUNCT/,/,/4/punct chaired/VERB/VBN/chair/2/acl by/ADP/IN/by/7/case Turkish/ADJ/JJ/turkish/7/amod actress/NOUN/NN/actress/4/obl:agent Defne/PROPN/NNP/Defne/7/appos Aydın/PROPN/NNP/Aydın/8/flat ,/PUNCT/,/,/2/punct praised/VERB/VBD/praise/0/root the/DET/DT/the/13/det film/NOUN/NN/film/11/obj ./PUNCT/././11/punct", &[(7, 9, PER)]);
    has(&d, "Defne Aydın", "chair", "jury");
}

#[test]
fn an_argument_cut_out_of_a_quotation_loses_the_quote_mark_it_does_not_close() {
    // A pair inside the phrase stays.
    let d = doc("The/DET/DT/the/5/det ``/PUNCT/``/``/3/punct Hero/PROPN/NNP/Hero/5/compound ''/PUNCT/''/''/3/punct ship/NOUN/NN/ship/6/nsubj includes/VERB/VBZ/include/0/root Xiamen/PROPN/NNP/Xiamen/6/obj ./PUNCT/././6/punct", &[(6, 7, LOC)]);
    let s = has(&d, "ship", "include", "Xiamen");
    assert_eq!(s.subject.full_text, "The `` Hero '' ship");
    let d = doc("The/DET/DT/the/3/det ``/PUNCT/``/``/3/punct area/NOUN/NN/area/4/nsubj includes/VERB/VBZ/include/0/root Xiamen/PROPN/NNP/Xiamen/4/obj ./PUNCT/././4/punct", &[(4, 5, LOC)]);
    let s = has(&d, "area", "include", "Xiamen");
    assert_eq!(s.subject.full_text, "The area");
}

#[test]
fn an_argument_is_written_without_the_preposition_before_it() {
    let d = doc("Ana/PROPN/NNP/Ana/2/nsubj met/VERB/VBD/meet/0/root Tom/PROPN/NNP/Tom/2/obj within/ADP/IN/within/6/case the/DET/DT/the/6/det kingdom/NOUN/NN/kingdom/2/obl ./PUNCT/././2/punct", &[(0, 1, PER), (2, 3, PER)]);
    let s = has(&d, "Ana", "meet", "Tom");
    let q = s
        .qualifiers
        .iter()
        .find(|q| q.value.text == "kingdom")
        .unwrap();
    assert_eq!(q.value.full_text, "the kingdom");
}

#[test]
fn at_a_moment_or_a_measure_is_no_place() {
    let d = doc("Producers/NOUN/NNS/producer/2/nsubj lost/VERB/VBD/lose/0/root sales/NOUN/NNS/sale/2/obj at/ADP/IN/at/6/case a/DET/DT/a/6/det time/NOUN/NN/time/2/obl ./PUNCT/././2/punct", &[]);
    let s = has(&d, "Producers", "lose", "sales");
    assert!(
        s.qualifiers.iter().all(|q| q.role != Role::Location),
        "{:?}",
        s.qualifiers
    );
    let d = doc("Producers/NOUN/NNS/producer/2/nsubj lost/VERB/VBD/lose/0/root sales/NOUN/NNS/sale/2/obj at/ADP/IN/at/6/case the/DET/DT/the/6/det market/NOUN/NN/market/2/obl ./PUNCT/././2/punct", &[]);
    let s = has(&d, "Producers", "lose", "sales");
    assert!(s.qualifiers.iter().any(|q| q.role == Role::Location));
}

#[test]
fn a_place_the_parser_hung_deep_in_the_object_qualifies_the_statement() {
    // "drafted an agreement on trade in Tashkent": "in Tashkent" hung on "trade".
    let d = doc("Ministers/NOUN/NNS/minister/2/nsubj drafted/VERB/VBD/draft/0/root an/DET/DT/a/4/det agreement/NOUN/NN/agreement/2/obj on/ADP/IN/on/6/case trade/NOUN/NN/trade/4/nmod in/ADP/IN/in/8/case Tashkent/PROPN/NNP/Tashkent/6/nmod ./PUNCT/././2/punct", &[(7, 8, LOC)]);
    let s = has(&d, "Ministers", "draft", "agreement");
    assert!(
        s.qualifiers
            .iter()
            .any(|q| q.role == Role::Location && q.value.text == "Tashkent"),
        "{:?}",
        s.qualifiers
    );
}

#[test]
fn places_coordinated_with_a_place_qualify_the_statement_too() {
    let d = doc("Police/NOUN/NNS/police/6/nsubj in/ADP/IN/in/3/case Ukraine/PROPN/NNP/Ukraine/1/nmod and/CCONJ/CC/and/5/cc Poland/PROPN/NNP/Poland/3/conj arrested/VERB/VBD/arrest/0/root 17/NUM/CD/17/8/nummod people/NOUN/NNS/person/6/obj ./PUNCT/././6/punct", &[(2, 3, LOC), (4, 5, LOC)]);
    let s = has(&d, "Police", "arrest", "17 people");
    let places: Vec<&str> = s
        .qualifiers
        .iter()
        .filter(|q| q.role == Role::Location)
        .map(|q| q.value.text.as_str())
        .collect();
    assert_eq!(places, ["Ukraine", "Poland"]);
}

#[test]
fn an_adjective_predicate_takes_the_preposition_that_completes_it() {
    let d = doc("Soldiers/NOUN/NNS/soldier/4/nsubj were/AUX/VBD/be/4/cop not/PART/RB/not/4/advmod involved/ADJ/JJ/involved/0/root in/ADP/IN/in/7/case the/DET/DT/the/7/det operation/NOUN/NN/operation/4/obl ./PUNCT/././4/punct", &[]);
    let s = has(&d, "Soldiers", "be involved in", "operation");
    assert!(s.negated);
    // A comparison is no complement.
    let d = doc("Lawyers/NOUN/NNS/lawyer/3/nsubj were/AUX/VBD/be/3/cop eager/ADJ/JJ/eager/0/root as/ADP/IN/as/6/case the/DET/DT/the/6/det judge/NOUN/NN/judge/3/obl ./PUNCT/././3/punct", &[]);
    has(&d, "Lawyers", "be eager", "");
}

#[test]
fn what_someone_calls_a_thing_it_is_on_their_word() {
    let d = doc("The/DET/DT/the/2/det judges/NOUN/NNS/judge/3/nsubj called/VERB/VBD/call/0/root the/DET/DT/the/5/det book/NOUN/NN/book/3/obj a/DET/DT/a/8/det quiet/ADJ/JJ/quiet/8/amod masterpiece/NOUN/NN/masterpiece/3/xcomp ./PUNCT/././3/punct", &[]);
    let s = has(&d, "book", "be", "quiet masterpiece");
    assert_eq!(s.attribution.unwrap().text, "judges");
    assert!(!triples(&d).iter().any(|(_, r, _)| r == "call"));
    // "called a strike" says what they did.
    let d = doc("Unions/NOUN/NNS/union/2/nsubj called/VERB/VBD/call/0/root a/DET/DT/a/4/det strike/NOUN/NN/strike/2/obj ./PUNCT/././2/punct", &[]);
    has(&d, "Unions", "call", "strike");
}

#[test]
fn counted_nationals_are_people_not_their_country() {
    let d = doc("11/NUM/CD/11/2/nummod Indians/PROPN/NNPS/Indians/4/nsubj:pass were/AUX/VBD/be/4/aux:pass flown/VERB/VBN/fly/0/root to/ADP/IN/to/6/case Muscat/PROPN/NNP/Muscat/4/obl ./PUNCT/././4/punct", &[(1, 2, EntityType::Other), (5, 6, LOC)]);
    let s = has(&d, "11 Indians", "be flown to", "Muscat");
    assert_eq!(s.subject.kind, ArgumentKind::Concept);
    // So are nationals with a quantifier or a modifier: "Many Russians fled", "Milwaukee German
    // Americans founded the school"; "The Americans" may be the nation.
    let d = doc("Many/ADJ/JJ/many/2/amod Russians/PROPN/NNPS/Russians/3/nsubj fled/VERB/VBD/flee/0/root ./PUNCT/././3/punct", &[(1, 2, EntityType::Other)]);
    let s = has(&d, "Many Russians", "flee", "");
    assert_eq!(s.subject.kind, ArgumentKind::Concept);
}

#[test]
fn a_thing_called_a_name_is_what_the_name_is() {
    let d = doc("Police/NOUN/NNS/police/2/nsubj raided/VERB/VBD/raid/0/root a/DET/DT/a/4/det platform/NOUN/NN/platform/2/obj called/VERB/VBN/call/4/acl Nordvest/PROPN/NNP/Nordvest/5/xcomp Trade/PROPN/NNP/Trade/6/flat ./PUNCT/././2/punct", &[(5, 7, ORG)]);
    has(&d, "Nordvest Trade", "be", "platform");
    // A passive's doer is no name: "the strike was called by the union".
    let d = doc("The/DET/DT/the/2/det strike/NOUN/NN/strike/4/nsubj:pass was/AUX/VBD/be/4/aux:pass called/VERB/VBN/call/0/root by/ADP/IN/by/7/case the/DET/DT/the/7/det Union/PROPN/NNP/Union/4/obl ./PUNCT/././4/punct", &[(6, 7, ORG)]);
    assert!(
        !triples(&d)
            .iter()
            .any(|(s, r, _)| s == "Union" && r == "be"),
        "{:?}",
        triples(&d)
    );
}

#[test]
fn the_phrase_after_an_amount_object_measures_it_and_is_no_second_object() {
    let d = doc("The/DET/DT/the/2/det cedi/NOUN/NN/cedi/3/nsubj lost/VERB/VBD/lose/0/root 18/NUM/CD/18/5/nummod percent/NOUN/NN/percent/3/obj against/ADP/IN/against/8/case the/DET/DT/the/8/det dollar/NOUN/NN/dollar/3/obl ./PUNCT/././3/punct", &[]);
    has(&d, "cedi", "lose", "18 percent");
    assert!(
        !triples(&d).iter().any(|(_, r, _)| r == "lose against"),
        "{:?}",
        triples(&d)
    );
}

#[test]
fn what_an_act_made_something_it_is() {
    let d = doc("The/DET/DT/the/2/det launch/NOUN/NN/launch/3/nsubj made/VERB/VBD/make/0/root the/DET/DT/the/5/det company/NOUN/NN/company/3/obj the/DET/DT/the/8/det first/ADJ/JJ/first/8/amod firm/NOUN/NN/firm/3/obj ./PUNCT/././3/punct", &[]);
    let s = has(&d, "company", "be", "first firm");
    assert!(s.attribution.is_none());
    // A thing made for someone is not what they are.
    let d = doc("She/PRON/PRP/she/2/nsubj made/VERB/VBD/make/0/root him/PRON/PRP/he/2/obj an/DET/DT/a/5/det offer/NOUN/NN/offer/2/obj ./PUNCT/././2/punct", &[]);
    assert!(
        !triples(&d).iter().any(|(_, r, _)| r == "be"),
        "{:?}",
        triples(&d)
    );
}

#[test]
fn a_tree_with_a_cycle_ends_the_walk_instead_of_growing() {
    // "jury" -> "Defne" -> "actress" -> "chaired" -> "jury": no parser makes this, but a
    // faulty repair must not stall a build.
    let d = doc("The/DET/DT/the/2/det jury/NOUN/NN/jury/8/nsubj ,/PUNCT/,/,/4/punct chaired/VERB/VBN/chair/2/acl by/ADP/IN/by/7/case Turkish/ADJ/JJ/turkish/7/amod actress/NOUN/NN/actress/4/obl:agent Defne/PROPN/NNP/Defne/7/appos Aydın/PROPN/NNP/Aydın/8/flat ,/PUNCT/,/,/2/punct praised/VERB/VBD/praise/0/root the/DET/DT/the/13/det film/NOUN/NN/film/11/obj ./PUNCT/././11/punct", &[(7, 9, PER)]);
    let _ = extract(&d);
}

#[test]
fn a_deal_worth_an_amount_is_worth_it() {
    let d = doc("Kestrel/PROPN/NNP/Kestrel/2/nsubj bought/VERB/VBD/buy/0/root a/DET/DT/a/4/det stake/NOUN/NN/stake/2/obj in/ADP/IN/in/7/case a/DET/DT/a/7/det deal/NOUN/NN/deal/2/obl worth/ADJ/JJ/worth/7/amod $/SYM/$/$/7/obj 85/NUM/CD/85/11/compound million/NUM/CD/million/9/nummod ./PUNCT/././2/punct", &[(0, 1, ORG)]);
    let s = has(&d, "deal", "be worth", "$ 85 million");
    assert!(matches!(
        s.object.unwrap().kind,
        ArgumentKind::Literal(crate::statement::Literal::Quantity { .. })
    ));
}

#[test]
fn an_indirect_object_is_a_recipient_of_its_own() {
    let d = doc("Bulgaria/PROPN/NNP/Bulgaria/2/nsubj paid/VERB/VBD/pay/0/root Dimitrov/PROPN/NNP/Dimitrov/2/iobj 12,000/NUM/CD/12,000/5/nummod euros/NOUN/NNS/euro/2/obj ./PUNCT/././2/punct", &[(0, 1, LOC), (2, 3, PER)]);
    has(&d, "Bulgaria", "pay to", "Dimitrov");
}

#[test]
fn a_sum_right_after_the_noun_the_parser_made_the_head_is_the_argument() {
    let d = doc("The/DET/DT/the/2/det club/NOUN/NN/club/3/nsubj spent/VERB/VBD/spend/0/root a/DET/DT/a/5/det record/NOUN/NN/record/3/obj 11/NUM/CD/11/7/compound million/NUM/CD/million/8/nummod euros/NOUN/NNS/euro/5/nmod ./PUNCT/././3/punct", &[]);
    has(&d, "club", "spend", "11 million euros");
}

#[test]
fn for_example_is_no_circumstance_of_the_statement() {
    let d = doc("For/ADP/IN/for/2/case example/NOUN/NN/example/5/obl ,/PUNCT/,/,/2/punct Premark/PROPN/NNP/Premark/5/nsubj sells/VERB/VBZ/sell/0/root bikes/NOUN/NNS/bike/5/obj ./PUNCT/././5/punct", &[(3, 4, ORG)]);
    let s = has(&d, "Premark", "sell", "bikes");
    assert!(s.qualifiers.is_empty(), "{:?}", s.qualifiers);
}

#[test]
fn a_bare_phrase_with_no_role_and_a_discourse_marker_are_no_qualifiers() {
    // "Premark peddles the simulator , for example" and "the firm of Donaldson , Securities":
    // the parser's pieces of other phrases say nothing of the act.
    let d = doc("Premark/PROPN/NNP/Premark/2/nsubj peddles/VERB/VBZ/peddle/0/root the/DET/DT/the/4/det simulator/NOUN/NN/simulator/2/obj ,/PUNCT/,/,/7/punct for/ADP/IN/for/7/case example/NOUN/NN/example/2/obl ,/PUNCT/,/,/9/punct Securities/PROPN/NNPS/Securities/2/obl:unmarked ./PUNCT/././2/punct", &[(0, 1, ORG)]);
    let s = has(&d, "Premark", "peddle", "simulator");
    assert!(s.qualifiers.is_empty(), "{:?}", s.qualifiers);
}

#[test]
fn a_suspicion_or_fear_is_its_holders_word_and_only_possible() {
    // "Police suspect the fire was started deliberately."
    let d = doc("Police/NOUN/NNS/police/2/nsubj suspect/VERB/VBP/suspect/0/root the/DET/DT/the/4/det fire/NOUN/NN/fire/6/nsubj:pass was/AUX/VBD/be/6/aux:pass started/VERB/VBN/start/2/ccomp deliberately/ADV/RB/deliberately/6/advmod ./PUNCT/././2/punct", &[]);
    let s = has(&d, "fire", "be started", "");
    assert_eq!(s.attribution.unwrap().text, "Police");
    assert_eq!(s.modality, Modality::Possible);
    // What someone explains is on their word, and stays asserted.
    let d = doc("The/DET/DT/the/2/det minister/NOUN/NN/minister/3/nsubj explained/VERB/VBD/explain/0/root that/SCONJ/IN/that/7/mark the/DET/DT/the/6/det plant/NOUN/NN/plant/7/nsubj closed/VERB/VBD/close/3/ccomp ./PUNCT/././3/punct", &[]);
    let s = has(&d, "plant", "close", "");
    assert_eq!(s.attribution.unwrap().text, "minister");
    assert_eq!(s.modality, Modality::Asserted);
}

#[test]
fn a_circumstance_of_a_reported_clause_is_reported_too() {
    // "Dimitrov said he had learned of it when transcripts were leaked."
    let d = doc("Dimitrov/PROPN/NNP/Dimitrov/2/nsubj said/VERB/VBD/say/0/root he/PRON/PRP/he/5/nsubj had/AUX/VBD/have/5/aux learned/VERB/VBN/learn/2/ccomp of/ADP/IN/of/7/case it/PRON/PRP/it/5/obl when/SCONJ/WRB/when/11/mark transcripts/NOUN/NNS/transcript/11/nsubj:pass were/AUX/VBD/be/11/aux:pass leaked/VERB/VBN/leak/5/advcl ./PUNCT/././2/punct", &[(0, 1, PER)]);
    let s = has(&d, "transcripts", "be leaked", "");
    assert_eq!(s.attribution.unwrap().text, "Dimitrov");
}

#[test]
fn an_embedded_question_is_not_asserted() {
    // "KCNA did not specify whether the train had crossed the border."
    let d = doc("KCNA/PROPN/NNP/KCNA/4/nsubj did/AUX/VBD/do/4/aux not/PART/RB/not/4/advmod specify/VERB/VB/specify/0/root whether/SCONJ/IN/whether/9/mark the/DET/DT/the/7/det train/NOUN/NN/train/9/nsubj had/AUX/VBD/have/9/aux crossed/VERB/VBN/cross/4/ccomp the/DET/DT/the/11/det border/NOUN/NN/border/9/obj ./PUNCT/././4/punct", &[(0, 1, ORG)]);
    let s = has(&d, "train", "cross", "border");
    assert_eq!(s.modality, Modality::Possible);
    // "if" too, when it opens a complement ("asked if the talks would resume").
    let d = doc("They/PRON/PRP/they/2/nsubj asked/VERB/VBD/ask/0/root if/SCONJ/IN/if/5/mark talks/NOUN/NNS/talk/5/nsubj resumed/VERB/VBD/resume/2/ccomp ./PUNCT/././2/punct", &[]);
    let s = has(&d, "talks", "resume", "");
    assert_eq!(s.modality, Modality::Possible);
}

#[test]
fn a_verb_that_always_acts_on_something_with_nothing_after_it_is_no_fact() {
    // "some doctors who have conducted hours of tests report headaches", the object lost.
    let d = doc(
        "Doctors/NOUN/NNS/doctor/2/nsubj conducted/VERB/VBD/conduct/0/root ./PUNCT/././2/punct",
        &[],
    );
    assert!(!has_relation(&d, "Doctors", "conduct"), "{:?}", triples(&d));
    // A verb that can stand alone stays: "Stock prices rallied".
    let d = doc(
        "Prices/NOUN/NNS/price/2/nsubj rallied/VERB/VBD/rally/0/root ./PUNCT/././2/punct",
        &[],
    );
    has(&d, "Prices", "rally", "");
}

#[test]
fn a_gerund_that_completes_a_noun_is_not_the_nouns_act() {
    // "Accountants have high hopes of expanding and attracting converts": the hopes do not
    // attract anyone.
    let d = doc("Accountants/NOUN/NNS/accountant/2/nsubj have/VERB/VBP/have/0/root high/ADJ/JJ/high/4/amod hopes/NOUN/NNS/hope/2/obj of/SCONJ/IN/of/6/mark expanding/VERB/VBG/expand/4/acl and/CCONJ/CC/and/8/cc attracting/VERB/VBG/attract/6/conj converts/NOUN/NNS/convert/8/obj ./PUNCT/././2/punct", &[]);
    assert!(
        triples(&d).iter().all(|(s, _, _)| s != "high hopes"),
        "{:?}",
        triples(&d)
    );
    // A reduced relative without a preposition is the noun's act: "people waiting outside".
    let d = doc("People/NOUN/NNS/people/0/root waiting/VERB/VBG/wait/1/acl for/ADP/IN/for/4/case buses/NOUN/NNS/bus/2/obl", &[]);
    has(&d, "People", "wait for", "buses");
}

#[test]
fn a_clause_on_a_noun_that_no_or_any_quantifies_is_not_asserted() {
    // "is not aware of any injuries caused by the problem": no injury is asserted.
    let d = doc("He/PRON/PRP/he/3/nsubj is/AUX/VBZ/be/3/cop aware/ADJ/JJ/aware/0/root of/ADP/IN/of/6/case any/DET/DT/any/6/det injuries/NOUN/NNS/injury/3/obl caused/VERB/VBN/cause/6/acl by/ADP/IN/by/10/case the/DET/DT/the/10/det problem/NOUN/NN/problem/7/obl:agent ./PUNCT/././3/punct", &[]);
    let s = has(&d, "problem", "cause", "injuries");
    assert_eq!(s.modality, Modality::Possible);
    // "there are no fans who frequent the bar": denied.
    let d = doc("There/PRON/EX/there/2/expl are/VERB/VBP/be/0/root no/DET/DT/no/4/det fans/NOUN/NNS/fan/2/nsubj who/PRON/WP/who/6/nsubj frequent/VERB/VBP/frequent/4/acl:relcl the/DET/DT/the/8/det bar/NOUN/NN/bar/6/obj ./PUNCT/././2/punct", &[]);
    assert!(has(&d, "fans", "frequent", "bar").negated);
    // A clause that completes the noun is not denied: "I have no doubt that the world will
    // prevail".
    let d = doc("I/PRON/PRP/I/2/nsubj have/VERB/VBP/have/0/root no/DET/DT/no/4/det doubt/NOUN/NN/doubt/2/obj that/SCONJ/IN/that/9/mark the/DET/DT/the/7/det world/NOUN/NN/world/9/nsubj will/AUX/MD/will/9/aux prevail/VERB/VB/prevail/4/acl ./PUNCT/././2/punct", &[]);
    assert!(!has(&d, "world", "prevail", "").negated);
}

#[test]
fn hardly_and_scarcely_negate() {
    // "The spirits could hardly care less": they do not care.
    let d = doc("The/DET/DT/the/2/det spirits/NOUN/NNS/spirit/5/nsubj could/AUX/MD/could/5/aux hardly/ADV/RB/hardly/5/advmod care/VERB/VB/care/0/root less/ADV/RBR/less/5/advmod ./PUNCT/././5/punct", &[]);
    assert!(has(&d, "spirits", "care less", "").negated);
}

#[test]
fn an_alternative_set_aside_is_no_argument() {
    // "producing members by procreation rather than conversion".
    let d = doc("They/PRON/PRP/they/2/nsubj produce/VERB/VBP/produce/0/root members/NOUN/NNS/member/2/obj by/ADP/IN/by/5/case procreation/NOUN/NN/procreation/2/obl rather/ADV/RB/rather/8/cc than/ADP/IN/than/6/fixed conversion/NOUN/NN/conversion/5/conj ./PUNCT/././2/punct", &[]);
    let s = has(&d, "They", "produce", "members");
    let quals: Vec<&str> = s.qualifiers.iter().map(|q| q.value.text.as_str()).collect();
    assert_eq!(quals, ["procreation"]);
    // "workmanship, not wood, is guaranteed": only the workmanship.
    let d = doc("Workmanship/NOUN/NN/workmanship/6/nsubj:pass ,/PUNCT/,/,/4/punct not/PART/RB/not/4/cc wood/NOUN/NN/wood/1/conj is/AUX/VBZ/be/6/aux:pass guaranteed/VERB/VBN/guarantee/0/root ./PUNCT/././6/punct", &[]);
    assert!(
        !has_relation(&d, "wood", "be guaranteed"),
        "{:?}",
        triples(&d)
    );
    has(&d, "Workmanship", "be guaranteed", "");
}
